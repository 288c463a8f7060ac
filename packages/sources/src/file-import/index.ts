export {
  parseImportFile,
  type ImportResult,
  type ImportRowError,
  type ImportOptions,
} from './file-import.js';
