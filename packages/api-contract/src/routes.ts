import { createRoute, z } from '@hono/zod-openapi';
import {
  CaptureBody,
  CaptureResult,
  Health,
  JobDetail,
  JobList,
  JobListQuery,
  Match,
  OverrideBody,
  Problem,
  Profile,
  RankBody,
  RankResponse,
  SourceStatusList,
} from './schemas.js';

/** The `{id}` of a posting in a route's path. */
export const JobIdParams = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'job_01JD3Z6N6X3K4T1Y9B8F2W7Q5M' }),
});

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
});

export const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and database health',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: {
      description: 'The database does not answer',
      content: { 'application/json': { schema: Health } },
    },
  },
});

export const listJobsRoute = createRoute({
  method: 'get',
  path: '/api/jobs',
  tags: ['jobs'],
  summary: 'List postings with filters, sorting and pagination',
  request: { query: JobListQuery },
  responses: {
    200: {
      description: 'A page of postings',
      content: { 'application/json': { schema: JobList } },
    },
    400: problem('A query parameter is invalid'),
  },
});

export const getJobRoute = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['jobs'],
  summary: 'One posting with its match, application and drafts',
  request: {
    params: JobIdParams,
  },
  responses: {
    200: { description: 'The posting', content: { 'application/json': { schema: JobDetail } } },
    404: problem('No posting has that id'),
  },
});

export const overrideJobRoute = createRoute({
  method: 'post',
  path: '/api/jobs/{id}/override',
  tags: ['jobs'],
  summary: 'Let a posting your filters hold back through (or hold it back again)',
  request: {
    params: JobIdParams,
    body: { content: { 'application/json': { schema: OverrideBody } }, required: false },
  },
  responses: {
    200: {
      description: 'The match after ranking again',
      content: { 'application/json': { schema: Match } },
    },
    404: problem('No posting has that id'),
    409: problem('No filter holds the posting back, or it has not been ranked'),
  },
});

export const postCaptureRoute = createRoute({
  method: 'post',
  path: '/api/captures',
  tags: ['captures'],
  summary: 'Store postings the browser extension read off the page the user is looking at',
  request: {
    body: { required: true, content: { 'application/json': { schema: CaptureBody } } },
  },
  responses: {
    200: {
      description: 'Stored; bad jobs in the capture are listed',
      content: { 'application/json': { schema: CaptureResult } },
    },
    400: problem('The capture is not valid'),
  },
});

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'ApplyDesk API',
    version: '0.1.0',
    description:
      'The review desk of ApplyDesk: postings, scores, drafts and applications. Bound to 127.0.0.1 by default.',
  },
} as const;

export const getProfileRoute = createRoute({
  method: 'get',
  path: '/api/profile',
  tags: ['profile'],
  summary: 'The default profile: resume, preferences and what the importer could not place',
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: Profile } } },
    404: problem('There is no profile yet'),
  },
});

export const rankRoute = createRoute({
  method: 'post',
  path: '/api/rank',
  tags: ['ranking'],
  summary: 'Rank every open posting for a profile and answer the best, with reasons',
  request: {
    body: { content: { 'application/json': { schema: RankBody } }, required: false },
  },
  responses: {
    200: {
      description: 'What the ranking did and the best postings',
      content: { 'application/json': { schema: RankResponse } },
    },
    404: problem('There is no profile yet, or none with that id'),
  },
});

export const listSourcesRoute = createRoute({
  method: 'get',
  path: '/api/sources',
  tags: ['sources'],
  summary: "Each configured source's health: last run, counts, errors, back-off, next run",
  responses: {
    200: {
      description: 'The sources',
      content: { 'application/json': { schema: SourceStatusList } },
    },
  },
});
