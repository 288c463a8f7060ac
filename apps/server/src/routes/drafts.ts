import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  approveDraftRoute,
  confirmClaimsRoute,
  costsRoute,
  createDraftsRoute,
  editDraftRoute,
  exportDraftRoute,
  getDraftRoute,
  listDraftsRoute,
  listProposalsRoute,
  rejectDraftRoute,
} from '@applydesk/api-contract';
import {
  approveDraft,
  confirmClaims,
  draftForJob,
  editDraft,
  exportDraft,
  getDraft,
  listDrafts,
  llmCosts,
  rejectDraft,
  type EngineContext,
} from '@applydesk/engine';

const hasJson = (contentType: string | undefined): boolean =>
  contentType?.includes('json') === true;

export function registerDraftRoutes(app: OpenAPIHono, ctx: EngineContext): void {
  // The review queue as the first version of the API answered it.
  app.openapi(listProposalsRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listDrafts(ctx, {
      status: 'pending_review',
      limit: q.limit,
      offset: q.offset,
    });
    return c.json({ items: page.items, total_count: page.totalCount }, 200);
  });

  app.openapi(listDraftsRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listDrafts(ctx, {
      status: q.status,
      limit: q.limit,
      offset: q.offset,
      ...(q.job_id === undefined ? {} : { jobId: q.job_id }),
    });
    return c.json({ items: page.items, total_count: page.totalCount }, 200);
  });

  app.openapi(getDraftRoute, async (c) =>
    c.json(await getDraft(ctx, c.req.valid('param').id), 200),
  );

  app.openapi(createDraftsRoute, async (c) => {
    const body = hasJson(c.req.header('content-type')) ? c.req.valid('json') : { fresh: false };
    const { drafts } = await draftForJob(ctx, {
      jobId: c.req.valid('param').id,
      actor: 'api',
      fresh: body.fresh,
      ...(body.kind === undefined ? {} : { kind: body.kind }),
      ...(body.models === undefined ? {} : { models: body.models }),
      ...(body.tone === undefined ? {} : { tone: body.tone }),
      signal: c.req.raw.signal,
    });
    return c.json({ drafts }, 201);
  });

  app.openapi(editDraftRoute, async (c) => {
    const draft = await editDraft(ctx, {
      draftId: c.req.valid('param').id,
      text: c.req.valid('json').text,
      actor: 'api',
    });
    return c.json(draft, 200);
  });

  app.openapi(confirmClaimsRoute, async (c) => {
    const body = hasJson(c.req.header('content-type')) ? c.req.valid('json') : {};
    const draft = await confirmClaims(ctx, {
      draftId: c.req.valid('param').id,
      actor: 'api',
      ...(body.claims === undefined ? {} : { claims: body.claims }),
    });
    return c.json(draft, 200);
  });

  app.openapi(approveDraftRoute, async (c) =>
    c.json(await approveDraft(ctx, { draftId: c.req.valid('param').id, actor: 'api' }), 200),
  );

  app.openapi(rejectDraftRoute, async (c) =>
    c.json(await rejectDraft(ctx, { draftId: c.req.valid('param').id, actor: 'api' }), 200),
  );

  app.openapi(exportDraftRoute, async (c) => {
    const file = await exportDraft(ctx, {
      draftId: c.req.valid('param').id,
      format: c.req.valid('query').format,
    });
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
    });
  });

  app.openapi(costsRoute, async (c) => {
    const q = c.req.valid('query');
    const report = await llmCosts(ctx, {
      groupBy: q.by,
      ...(q.since === undefined ? {} : { since: q.since }),
    });
    return c.json(report, 200);
  });
}
