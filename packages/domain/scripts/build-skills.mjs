#!/usr/bin/env node
/**
 * Builds src/skills-onet.ts from an O*NET "Technology Skills" TSV (columns: O*NET-SOC Code,
 * Example, Commodity Code, Commodity Title, Hot Technology, In Demand).
 *
 *   node packages/domain/scripts/build-skills.mjs path/to/technology_skills.tsv [out.ts]
 *
 * Keeps the rows whose example names a tool, language or product (not a category such as
 * "Backup and archival software"), folds vendor prefixes and trailing "software", gives
 * well-known products the canonical names ApplyDesk's hand-written vocabulary uses, and
 * dedupes. Each skill lists lower-case aliases (to normalize skills a source or profile
 * gives) and the spellings safe to look for in running text (matched case-sensitively;
 * ordinary English words and people's names are left out).
 *
 * The output includes information from O*NET (USDOL/ETA), used under CC BY 4.0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, outArg] = process.argv.slice(2);
if (input === undefined) {
  console.error('usage: build-skills.mjs <onet-technology-skills.tsv> [out.ts]');
  process.exit(2);
}
const committed = join(dirname(fileURLToPath(import.meta.url)), '../src/skills-onet.ts');
const out = outArg ?? committed;

/** Company names written before a product; dropped to make an alias ("Apache Kafka" -> "Kafka"). */
const VENDORS = [
  'Amazon Web Services',
  'Amazon',
  'Apache',
  'Microsoft',
  'Micosoft',
  'Google',
  'Oracle',
  'IBM Rational',
  'IBM',
  'Adobe',
  'Atlassian',
  'Apple',
  'Red Hat',
  'SAP',
  'Autodesk',
  'Cisco Systems',
  'Cisco',
  'Hewlett Packard',
  'Hewlett-Packard HP',
  'Hewlett-Packard',
  'The MathWorks',
  'MathWorks',
  'Dassault Systemes',
  'Embarcadero Technologies',
  'Embarcadero',
  'JetBrains',
  'Informatica Corporation',
  'Quest',
  'Symantec',
  'Sun Microsystems',
  'Wind River Systems',
  'Wind River',
  'VMWare',
  'CA Technologies',
  'Computer Associates',
  'BMC Software',
  'LogMeIn',
  'Citrix',
  'EMC',
  'Infoblox',
  'Mozilla',
  'OpenAI',
  'Trimble',
  'ESRI',
  'Bentley',
  'StataCorp',
  'National Instruments',
  'Omni Group',
  'Qlik Tech',
  'Rapid-I',
  'SmartBear Software AutomatedQA',
  'SmartBear Software',
  'JFrog',
  'HashiCorp',
  'Cloudera',
  'Borland',
  'Allaire',
  'Altova',
  'Acresso',
  'Pentaho',
  'Segue',
  'Salesforce',
  'Talend',
  'Teradata',
  'Ellucian',
  'Blackbaud',
  'SmugMug',
  'ReCrystallize',
  'Redgate',
  'SentryOne',
  'Veritas',
  'Micro Focus',
  'Ipswitch',
  'Aruba Networks',
  'ASG Technologies',
  'Dartware',
  'Netreo',
  'OPNET',
  'NetScout',
  'Lucent',
  'Micromuse',
  'Riverbed',
];

/** Examples that name a category, a concept or something too vague to be a skill. */
const EXCLUDE = new Set([
  'Example',
  'Honeypot',
  'Event-driven State-machines Programming',
  'Graphical user interface GUI builder software',
  'Graphical user interface GUI design software',
  'Data Recovery Software SQL Server Data Recovery',
  'Interstate connection ICON',
  'ICON programming language',
  'J',
  'Computer On-line Real-time Applications Language CORAL 66',
  'Social media sites',
  'Geographic information system GIS systems',
  'Intel Data Migration Software',
  'Interface Computers Data Loader',
  'Online traffic calculator software',
  'Mac HelpMate',
  'Magellan Firmware',
  'HyperSpace',
  'SpectraQuest',
  'Visible Razor',
  'B-Method',
  'Canu',
  'Rapide',
  'Flat File Checker',
  'Structure prediction software',
  'Integrated development environment IDE software',
  'Management information systems MIS',
  'Web content management system CMS software',
  'Wide area network WAN optimization software',
  'Document Object Model DOM Scripting',
  'Blackboard software',
]);

/**
 * Canonical names: ApplyDesk's where its vocabulary (src/skills.ts) has the product, and the
 * name people write where O*NET's is long. `text` adds spellings to find in running text.
 */
const OVERRIDES = {
  'Amazon Web Services AWS software': { name: 'AWS' },
  'Amazon Web Services AWS CloudFormation': {
    name: 'AWS CloudFormation',
    text: ['CloudFormation'],
  },
  'Amazon Web Services AWS SageMaker': { name: 'Amazon SageMaker', text: ['SageMaker'] },
  'Amazon Elastic Compute Cloud EC2': { name: 'Amazon EC2', text: ['EC2'] },
  'Amazon Simple Storage Service S3': { name: 'Amazon S3', text: ['S3'] },
  'Amazon DynamoDB': { name: 'DynamoDB' },
  'Amazon Redshift': { name: 'Redshift' },
  'Amazon Kinesis': { name: 'Kinesis' },
  'Apache Kafka': { name: 'Kafka' },
  'Apache Spark': { name: 'Spark' },
  'Apache Airflow': { name: 'Airflow' },
  'Apache Hadoop': { name: 'Hadoop' },
  'Apache Hive': { name: 'Hive', text: ['Apache Hive'] },
  'Apache Cassandra': { name: 'Cassandra' },
  'Apache Maven': { name: 'Maven' },
  'Apache Tomcat': { name: 'Tomcat' },
  'Apache Subversion SVN': { name: 'Subversion', text: ['SVN', 'Subversion'] },
  'Apache JMeter': { name: 'JMeter' },
  'Apache Solr': { name: 'Solr' },
  'Apache HBase': { name: 'HBase' },
  'Apache Groovy': { name: 'Groovy', text: ['Apache Groovy'] },
  'Apache HTTP Server': { name: 'Apache HTTP Server' },
  'Microsoft Azure software': { name: 'Azure' },
  'Microsoft Azure DevOps Services': { name: 'Azure DevOps' },
  'Google Cloud software': { name: 'GCP' },
  'Microsoft Excel': { name: 'Excel' },
  'Microsoft Power BI': { name: 'Power BI' },
  'Microsoft .NET Framework': { name: 'C#' },
  'Microsoft ASP.NET': { name: 'C#' },
  'Microsoft ASP.NET Core MVC': { name: 'C#', text: ['ASP.NET Core'] },
  'Microsoft Visual C# .NET': { name: 'C#' },
  'Microsoft Visual Basic.NET': { name: 'VB.NET' },
  'Microsoft Visual Basic for Applications VBA': { name: 'VBA' },
  'Microsoft Visual Basic Scripting Edition VBScript': { name: 'VBScript' },
  'Microsoft Visual Basic': { name: 'Visual Basic' },
  'Microsoft Visual Studio': { name: 'Visual Studio', text: ['Visual Studio'] },
  'Microsoft PowerShell': { name: 'PowerShell' },
  'Microsoft SQL Server': { name: 'SQL Server', text: ['MSSQL', 'MS SQL'] },
  'Microsoft SQL Server Integration Services SSIS': { name: 'SSIS' },
  'Microsoft SQL Server Reporting Services SSRS': { name: 'SSRS' },
  'Micosoft SQL Server Analysis Services SSAS': { name: 'SSAS' },
  'Microsoft transact-structural query language T-SQL': { name: 'T-SQL' },
  'Transact-SQL': { name: 'T-SQL' },
  'Microsoft Active Directory': { name: 'Active Directory', text: ['Active Directory'] },
  'Microsoft SharePoint': { name: 'SharePoint' },
  'Microsoft Office software': { name: 'Microsoft Office', text: ['MS Office'] },
  'Microsoft Windows': { name: 'Windows' },
  'Microsoft Windows Server': { name: 'Windows Server', text: ['Windows Server'] },
  'Microsoft Team Foundation Server': { name: 'Team Foundation Server', text: ['TFS'] },
  'Microsoft Dynamics': { name: 'Microsoft Dynamics', text: ['Dynamics 365'] },
  'Microsoft Internet Information Services (IIS)': { name: 'IIS' },
  'Oracle Java': { name: 'Java' },
  'Oracle PL/SQL': { name: 'PL/SQL' },
  'Oracle Java 2 Platform Enterprise Edition J2EE': { name: 'Java EE', text: ['J2EE', 'Java EE'] },
  'Oracle Java Enterprise Edition EE': { name: 'Java EE' },
  'Oracle JavaServer Pages JSP': { name: 'JSP' },
  'Oracle JDBC': { name: 'JDBC' },
  'Oracle Java Message Service JMS': { name: 'JMS' },
  'Oracle WebLogic Server': { name: 'WebLogic', text: ['WebLogic'] },
  'Oracle Solaris': { name: 'Solaris' },
  'Oracle Hyperion': { name: 'Hyperion', text: ['Oracle Hyperion'] },
  'Oracle PeopleSoft': { name: 'PeopleSoft' },
  'Oracle Taleo': { name: 'Taleo' },
  'Oracle Eloqua': { name: 'Eloqua' },
  'Oracle Database': { name: 'Oracle Database', text: ['Oracle DB'] },
  'Google Angular': { name: 'Angular' },
  'Google Android': { name: 'Android' },
  'Google Looker Analytics': { name: 'Looker' },
  'Google Analytics': { name: 'Google Analytics' },
  'Apple iOS': { name: 'iOS' },
  'Apple macOS': { name: 'macOS' },
  'Apple Cocoa': { name: 'Cocoa', text: ['Apple Cocoa'] },
  'Atlassian JIRA': { name: 'Jira', text: ['Jira', 'JIRA'] },
  'Atlassian Confluence': { name: 'Confluence', text: ['Atlassian Confluence'] },
  'Atlassian Bitbucket': { name: 'Bitbucket' },
  'Atlassian Bamboo': { name: 'Bamboo', text: ['Atlassian Bamboo'] },
  'Autodesk AutoCAD': { name: 'AutoCAD' },
  'Autodesk Revit': { name: 'Revit' },
  'Dassault Systemes SolidWorks': { name: 'SolidWorks' },
  'Dassault Systemes CATIA': { name: 'CATIA' },
  'Trimble SketchUp Pro': { name: 'SketchUp', text: ['SketchUp'] },
  'ESRI ArcGIS software': { name: 'ArcGIS' },
  'Adobe Creative Cloud software': { name: 'Adobe Creative Cloud' },
  'Adobe Photoshop': { name: 'Photoshop' },
  'Adobe Illustrator': { name: 'Illustrator' },
  'Adobe After Effects': { name: 'After Effects', text: ['After Effects'] },
  'Adobe InDesign': { name: 'InDesign' },
  'The MathWorks MATLAB': { name: 'MATLAB' },
  'MathWorks Simulink': { name: 'Simulink' },
  'IBM SPSS Statistics': { name: 'SPSS' },
  'IBM DB2': { name: 'Db2' },
  'IBM Terraform': { name: 'Terraform' },
  'IBM WebSphere': { name: 'WebSphere' },
  'IBM WebSphere MQ': { name: 'IBM MQ', text: ['WebSphere MQ', 'IBM MQ'] },
  'StataCorp Stata': { name: 'Stata' },
  'Splunk Enterprise': { name: 'Splunk', text: ['Splunk'] },
  'Red Hat OpenShift': { name: 'OpenShift' },
  'Red Hat Enterprise Linux': { name: 'RHEL', text: ['RHEL', 'Red Hat Enterprise Linux'] },
  'Red Hat Ansible Engine': { name: 'Ansible' },
  'Ansible software': { name: 'Ansible' },
  'Jenkins CI': { name: 'Jenkins', text: ['Jenkins'] },
  'Hibernate ORM': { name: 'Hibernate', text: ['Hibernate'] },
  'Eclipse IDE': { name: 'Eclipse IDE' },
  'Spring Framework': { name: 'Spring' },
  'RESTful API': { name: 'REST APIs' },
  'Microservices Architecture': { name: 'Microservices' },
  'OpenAI ChatGPT': { name: 'LLMs', text: ['ChatGPT'] },
  'React Redux': { name: 'Redux', text: ['Redux'] },
  'Objective C': { name: 'Objective-C', aliases: ['objective-c', 'objc'], text: ['Objective-C'] },
  'Objective Caml': { name: 'OCaml', aliases: ['ocaml'], text: ['OCaml'] },
  Mlflow: { name: 'MLflow', text: ['MLflow'] },
  'Delphi Technology': { name: 'Delphi' },
  'Embarcadero Delphi': { name: 'Delphi' },
  'Couchbase Server': { name: 'Couchbase', text: ['Couchbase'] },
  'Qlik Tech QlikView': { name: 'QlikView' },
  'Salesforce software': { name: 'Salesforce' },
  'Salesforce Visualforce': { name: 'Visualforce' },
  'SAP software': { name: 'SAP' },
  'HubSpot software': { name: 'HubSpot' },
  'Alteryx software': { name: 'Alteryx' },
  'InVision software': { name: 'InVision' },
  'Informatica software': { name: 'Informatica' },
  'Informatica PowerCenter': { name: 'Informatica PowerCenter', text: ['PowerCenter'] },
  'Informatica Corporation PowerCenter': { name: 'Informatica PowerCenter' },
  'Marketo Marketing Automation': { name: 'Marketo', text: ['Marketo'] },
  'Perforce Helix software': { name: 'Perforce', text: ['Perforce'] },
  'MuleSoft software': { name: 'MuleSoft' },
  'Epic Systems': { name: 'Epic', text: ['Epic Systems', 'Epic EHR'] },
  'Jupyter Notebook': { name: 'Jupyter', text: ['Jupyter'] },
  'Jupyter software': { name: 'Jupyter' },
  'Wind River VxWorks': { name: 'VxWorks' },
  'Wind River Systems VxWorks': { name: 'VxWorks' },
  VMware: { name: 'VMware', text: ['VMware', 'VMWare'] },
  'VMWare ESX Server': { name: 'VMware ESX', text: ['ESXi'] },
  'Allaire ColdFusion': { name: 'ColdFusion' },
  'Adobe ColdFusion': { name: 'ColdFusion' },
  'Cisco IOS': { name: 'Cisco IOS' },
  'Cisco Webex': { name: 'Webex', text: ['Webex'] },
  'Scikit-learn': { name: 'scikit-learn', aliases: ['sklearn'], text: ['scikit-learn', 'sklearn'] },
  webpack: { name: 'webpack', text: ['webpack', 'Webpack'] },
  pandas: { name: 'Pandas' },
  Bash: { name: 'Bash' },
  'UNIX Shell': { name: 'Shell scripting', aliases: ['shell', 'shell scripting', 'unix shell'] },
  KornShell: { name: 'KornShell', aliases: ['ksh'] },
  'Google Docs': { name: 'Google Docs' },
  'Google Sheets': { name: 'Google Sheets' },
  MeteorJS: { name: 'Meteor', text: ['Meteor.js', 'MeteorJS'] },
  'Ext JS': { name: 'Ext JS' },
  'Backbone.js': { name: 'Backbone.js' },
  'NetSuite ERP': { name: 'NetSuite', text: ['NetSuite'] },
  'Oracle JD Edwards EnterpriseOne': { name: 'JD Edwards', text: ['JD Edwards'] },
  'Common business oriented language COBOL': { name: 'COBOL' },
  'Formula translation/translator FORTRAN': {
    name: 'Fortran',
    aliases: ['fortran'],
    text: ['Fortran', 'FORTRAN'],
  },
  'List processing language LISP': { name: 'Lisp', text: ['Lisp', 'LISP', 'Common Lisp'] },
  'Advanced business application programming ABAP': { name: 'ABAP' },
  'Programming language one PL/I': { name: 'PL/I' },
  'American National Standards Institute ANSI C': { name: 'C', text: ['ANSI C'] },
  "Beginner's all-purpose symbolic instruction code BASIC": { name: 'BASIC' },
  'Sun Microsystems Java Persistence API': { name: 'JPA', aliases: ['jpa'], text: ['JPA'] },
  'Voice over internet protocol VoIP system software': {
    name: 'VoIP',
    aliases: ['voip'],
    text: ['VoIP'],
  },
  'Web service definition language WDSL': { name: 'WSDL', aliases: ['wsdl'], text: ['WSDL'] },
  'MUMPS M': { name: 'MUMPS', aliases: ['mumps'], text: ['MUMPS'] },
  'IBM z/OS operating systems': { name: 'z/OS', aliases: ['z/os', 'zos'], text: ['z/OS'] },
  'Apache Avro': { name: 'Avro', text: ['Avro'] },
  'Apache Oozie': { name: 'Oozie', text: ['Oozie'] },
  'Apache Sqoop': { name: 'Sqoop', text: ['Sqoop'] },
  'Apache Mahout': { name: 'Mahout', text: ['Mahout'] },
  'IBM Informix': { name: 'Informix', text: ['Informix'] },
  'Adobe Dreamweaver': { name: 'Dreamweaver', text: ['Dreamweaver'] },
  'Adobe Acrobat': { name: 'Adobe Acrobat' },
  'HashiCorp Vagrant': { name: 'Vagrant', text: ['HashiCorp Vagrant'] },
  Wireshark: { name: 'Wireshark' },
};

/** Single words that are also ordinary English words, names or companies: never searched in text. */
const ENGLISH = new Set(
  `access active ada ads analytics ant apex bamboo blink bootstrap canu central chef cocoa
  confluence designer director docs domino drive dynamics edge eiffel emerald example exchange
  facebook facetime firefox flume forth gmail go groovy groupme hive honeypot icon impala j julia
  keynote linkedin loom meet middleware modula notes oberon office outlook pascal pig postman
  project publisher puppet r rapide reports robot safari scheme selenium shiny sites skype slack
  slides snort spark struts teams travis twiki word youtube zoom flask django ruby swift rails
  express sheets c windows epic jekyll minitab jamboard loom nearpod flipgrid kapwing wevideo
  screencastify parentsquare evernote dropbox mcafee blackboard moodle watir scala`.split(/\s+/),
);

/** Acronyms too short or too common in capitals to take for a skill in running text. */
const ACRONYM_TEXT_STOP = new Set(
  `ICE ICON SAM COM EE M BIND SAX APEX SPICE TRILL RODIN CLOS MIS RAC IPS SIP CPL IDE SAN NAS
  DOS TSO ADL IDL MIB MDX DML DDL CGI MDM SAP ERP CMS LAN WAN VPN DNS SSO SSH IIS PAAS EDA EAI
  HCPCS HRMS ODBMS DTS UML API GIS RTOS SCADA CADD LPAR NIPS WCCP GLBP HSRP WCS IS-IS VRRP`.split(
    /\s+/,
  ),
);

/**
 * Names of a family of tools rather than one: kept for normalizing, not searched in text
 * ("NoSQL stores" names no particular database).
 */
const NO_TEXT = new Set(['NoSQL', 'Microservices', 'REST APIs']);

const GENERIC_LAST_WORDS = /^[a-z][a-z-]*$/;

function parseTsv(path) {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  const col = (name) => header.indexOf(name);
  const ex = col('Example');
  const hot = col('Hot Technology');
  if (ex < 0 || hot < 0) throw new Error(`unexpected header: ${header.join(' | ')}`);
  const rows = new Map();
  for (const line of lines) {
    const cells = line.split('\t');
    const example = (cells[ex] ?? '').trim();
    if (example === '') continue;
    rows.set(example, (rows.get(example) ?? false) || cells[hot] === 'Y');
  }
  return rows;
}

const clean = (example) =>
  example
    .replace(/\s*\(([A-Z]+)\)$/, ' $1')
    .replace(/\s+software$/i, '')
    .replace(/\s+/g, ' ')
    .trim();

/** "Backup and archival", "JavaScript framework", "Shell script": a kind of thing, not one. */
function isGeneric(name) {
  const words = name.split(' ');
  if (words.length === 1) return false;
  return words.slice(1).every((w) => GENERIC_LAST_WORDS.test(w));
}

function stripVendor(name) {
  for (const vendor of VENDORS) {
    if (name.startsWith(`${vendor} `)) return name.slice(vendor.length + 1).trim();
  }
  return null;
}

/** "Extensible markup language XML" -> { expansion, acronym: "XML" } when the letters fit. */
function splitAcronym(name) {
  const m = /^(.*\S)\s+([A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)?)$/.exec(name);
  if (m === null) return null;
  const [, expansionFull, acronym] = m;
  const expansion = stripVendor(expansionFull) ?? expansionFull;
  const words = expansion.split(' ');
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2 && !/\d/.test(acronym)) return null;
  if (words.length < 2 && !/\d/.test(acronym)) return null;
  const haystack = expansion.toLowerCase().replace(/[^a-z]/g, '');
  let i = 0;
  for (const ch of haystack) if (ch === letters[i]) i++;
  const firstFits = (words[0] ?? '').toLowerCase().includes(letters[0] ?? '');
  if (i < letters.length || !firstFits) return null;
  return { expansion: expansionFull, acronym };
}

/** Worth looking for in running text, as written. */
function textSafe(spelling) {
  if (spelling.length < 2) return false;
  const words = spelling.split(' ');
  if (words.length === 1) {
    const w = words[0];
    if (ENGLISH.has(w.toLowerCase())) return false;
    if (/^[A-Z0-9][A-Z0-9/-]+$/.test(w))
      return w.length >= 3 || /\d/.test(w) ? !ACRONYM_TEXT_STOP.has(w) : false;
    if (/[A-Z]/.test(w.slice(1)) || /[\d.#+]/.test(w)) return w.length >= 3;
    return w.length >= 4 && /^[A-Z]/.test(w);
  }
  // Several words: a name when two or more are capitalized or one is an acronym.
  const named = words.filter((w) => /^[A-Z0-9.]/.test(w) || /[A-Z]/.test(w.slice(1))).length;
  return named >= 2;
}

const rows = parseTsv(input);
const examples = [...rows.entries()].sort(
  (a, b) => Number(b[1]) - Number(a[1]) || a[0].localeCompare(b[0]),
);

const skills = new Map();
const aliasOwner = new Map();
for (const [example, hot] of examples) {
  if (EXCLUDE.has(example)) continue;
  const name0 = clean(example);
  // "Database software", "Encryption software": a plain word before "software" is a kind of tool.
  if (
    OVERRIDES[example] === undefined &&
    / software$/i.test(example) &&
    /^[A-Z][a-z-]+$/.test(name0)
  )
    continue;
  if (isGeneric(name0) || (/^[a-z]/.test(name0) && !/[A-Z.]/.test(name0) && name0.includes(' ')))
    continue;
  const override = OVERRIDES[example];
  const found = splitAcronym(name0);
  // An override may rename the skill away from its acronym ("Java Persistence API" is JPA).
  const acronym =
    found !== null &&
    (override === undefined ||
      override.name === found.acronym ||
      (override.text ?? []).includes(found.acronym))
      ? found
      : null;
  const stripped = stripVendor(name0);
  const name = override?.name ?? acronym?.acronym ?? name0;

  const aliases = new Set([name.toLowerCase(), name0.toLowerCase(), example.toLowerCase()]);
  const text = new Set();
  if (acronym !== null) {
    aliases.add(acronym.acronym.toLowerCase());
    aliases.add(acronym.expansion.toLowerCase());
    const expStripped = stripVendor(acronym.expansion);
    if (expStripped !== null && expStripped.split(' ').length > 1)
      aliases.add(expStripped.toLowerCase());
    text.add(acronym.acronym);
    if (textSafe(acronym.expansion) && !isGeneric(acronym.expansion)) text.add(acronym.expansion);
  }
  // The product without its vendor ("SQL Server", "WebSphere MQ", "PowerShell") when it is
  // still a name on its own; "Cloud", "Workstation" or "Data Architect" are not.
  if (stripped !== null && /[A-Z]{2}|[a-z][A-Z]|[.#+\d/]/.test(stripped)) {
    aliases.add(stripped.toLowerCase());
    text.add(stripped);
  }
  for (const alias of override?.aliases ?? []) aliases.add(alias);
  text.add(name);
  text.add(name0);
  for (const spelling of override?.text ?? []) text.add(spelling);

  const key = name.toLowerCase();
  const entry = skills.get(key) ?? { name, aliases: new Set(), text: new Set(), hot: false };
  entry.hot ||= hot;
  for (const alias of aliases) {
    const owner = aliasOwner.get(alias);
    if (owner !== undefined && owner !== key) continue;
    if (alias.length < 1 || alias === 'web') continue;
    aliasOwner.set(alias, key);
    entry.aliases.add(alias);
  }
  const forced = new Set(override?.text ?? []);
  for (const spelling of text) {
    if (NO_TEXT.has(name)) break;
    if (forced.has(spelling) || textSafe(spelling)) entry.text.add(spelling);
  }
  skills.set(key, entry);
}

const entries = [...skills.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
const q = (s) => JSON.stringify(s);
const body = entries
  .map((e) => {
    const aliases = [...e.aliases].filter((a) => a !== e.name.toLowerCase()).sort();
    const text = [...e.text].sort();
    return `  { name: ${q(e.name)}, aliases: [${aliases.map(q).join(', ')}], text: [${text.map(q).join(', ')}], hot: ${e.hot} },`;
  })
  .join('\n');

const source = `// Generated by packages/domain/scripts/build-skills.mjs from the O*NET Technology Skills
// table (${basename(input)}); do not edit by hand, run the script again.
//
// This file includes information from O*NET (USDOL/ETA), used under CC BY 4.0
// (https://creativecommons.org/licenses/by/4.0/). O*NET is a trademark of USDOL/ETA. Names were
// shortened and mapped to ApplyDesk's skill names; USDOL/ETA has not approved, endorsed or
// tested these modifications.

/** A technology skill from O*NET: canonical name, lower-case aliases, spellings to find in text. */
export interface OnetSkill {
  readonly name: string;
  /** Lower-case spellings that mean this skill when a source or profile names it. */
  readonly aliases: readonly string[];
  /** Spellings safe to look for in running text, matched case-sensitively. */
  readonly text: readonly string[];
  /** O*NET flags it a "hot technology" (frequently in employer job postings). */
  readonly hot: boolean;
}

export const ONET_SKILLS: readonly OnetSkill[] = [
${body}
];
`;
/** The workspace's Prettier settings when Prettier is installed, so the file passes `prettier --check`. */
async function format(code) {
  try {
    const prettier = await import('prettier');
    // The package's own settings, wherever the file is written.
    const config = (await prettier.resolveConfig(committed)) ?? {};
    return await prettier.format(code, { ...config, filepath: committed });
  } catch {
    console.warn('prettier not available: writing the file unformatted');
    return code;
  }
}

const formatted = await format(source);
writeFileSync(out, formatted);
console.log(`wrote ${entries.length} skills to ${out} (${Buffer.byteLength(formatted)} bytes)`);
