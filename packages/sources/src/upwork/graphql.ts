import { z } from 'zod';

/**
 * The one query ApplyDesk sends to Upwork's GraphQL API (`POST https://api.upwork.com/graphql`):
 * `marketplaceJobPostingsSearch` (the older `marketplaceJobPostings` is deprecated). The node
 * selection is the documented field list in /work/shared/fixtures/upwork/UPWORK.md; asking for
 * `Money` fields needs the key's "Read marketplace Job Postings" and "Common Entities -
 * Read-Only Access" scopes, so `test()` sends the same selection and surfaces a missing scope.
 */
export const MARKETPLACE_JOB_SEARCH_QUERY = `query marketplaceJobPostingsSearch(
  $marketPlaceJobFilter: MarketplaceJobPostingsSearchFilter
  $searchType: MarketplaceJobPostingSearchType
  $sortAttributes: [MarketplaceJobPostingSearchSortAttribute]
) {
  marketplaceJobPostingsSearch(
    marketPlaceJobFilter: $marketPlaceJobFilter
    searchType: $searchType
    sortAttributes: $sortAttributes
  ) {
    totalCount
    edges {
      node {
        id
        ciphertext
        title
        description
        publishedDateTime
        experienceLevel
        duration
        engagement
        amount { rawValue currency displayValue }
        hourlyBudgetMin { rawValue currency displayValue }
        hourlyBudgetMax { rawValue currency displayValue }
        skills { name prettyName highlighted }
        client {
          totalHires
          totalReviews
          totalFeedback
          totalPostedJobs
          totalSpent { rawValue currency displayValue }
          verificationStatus
          location { city country timezone state offsetToUTC }
        }
        occupations { category { id prefLabel } }
        totalApplicants
        applied
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const UPWORK_SORT_FIELDS = [
  'RECENCY',
  'RELEVANCE',
  'CLIENT_TOTAL_CHARGE',
  'CLIENT_RATING',
] as const;
export type UpworkSortField = (typeof UPWORK_SORT_FIELDS)[number];

export type UpworkExperienceLevel = 'NONE' | 'ENTRY_LEVEL' | 'INTERMEDIATE' | 'EXPERT';
export type UpworkDuration = 'WEEK' | 'MONTH' | 'QUARTER' | 'SEMESTER' | 'ONGOING';

/** `{ rangeStart, rangeEnd }` as the filter's range inputs take it. */
export interface UpworkRange {
  rangeStart?: number;
  rangeEnd?: number;
}

/** `marketPlaceJobFilter` (`MarketplaceJobPostingsSearchFilter`), the fields ApplyDesk sends. */
export interface UpworkJobFilter {
  searchExpression_eq: string;
  experienceLevel_eq?: Exclude<UpworkExperienceLevel, 'NONE'>;
  jobType_eq?: 'HOURLY' | 'FIXED';
  verifiedPaymentOnly_eq?: boolean;
  hourlyRate_eq?: UpworkRange;
  budgetRange_eq?: UpworkRange;
  categoryIds_any?: string[];
  /** Sent from page 2 on only: Upwork has answered 500 to it (see upwork.source.ts). */
  pagination_eq?: { first: number; after?: string };
}

export interface UpworkSearchVariables {
  marketPlaceJobFilter: UpworkJobFilter;
  searchType: 'USER_JOBS_SEARCH';
  sortAttributes: { field: UpworkSortField }[];
}

/** Upwork's `Money`: the amount is a decimal string, e.g. `{ rawValue: "60", currency: "USD", displayValue: "$60.00" }`. */
export const UpworkMoney = z.object({
  rawValue: z.union([z.string(), z.number()]).nullish(),
  currency: z.string().nullish(),
  displayValue: z.string().nullish(),
});
export type UpworkMoney = z.infer<typeof UpworkMoney>;

const count = z.number().nonnegative().nullish();

/** One `edges[].node` of the search, as normalize reads it (every field but the key may be missing). */
export const UpworkJobNode = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  ciphertext: z.string().min(1),
  title: z.string().nullish(),
  description: z.string().nullish(),
  publishedDateTime: z.string().nullish(),
  experienceLevel: z.string().nullish(),
  duration: z.string().nullish(),
  engagement: z.string().nullish(),
  amount: UpworkMoney.nullish(),
  hourlyBudgetMin: UpworkMoney.nullish(),
  hourlyBudgetMax: UpworkMoney.nullish(),
  skills: z
    .array(
      z.object({
        name: z.string().nullish(),
        prettyName: z.string().nullish(),
        highlighted: z.boolean().nullish(),
      }),
    )
    .nullish(),
  client: z
    .object({
      totalHires: count,
      totalReviews: count,
      totalFeedback: z.number().nullish(),
      totalPostedJobs: count,
      totalSpent: UpworkMoney.nullish(),
      verificationStatus: z.string().nullish(),
      location: z
        .object({
          city: z.string().nullish(),
          country: z.string().nullish(),
          timezone: z.string().nullish(),
          state: z.string().nullish(),
          offsetToUTC: z.union([z.string(), z.number()]).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  occupations: z
    .object({
      category: z.object({ id: z.string().nullish(), prefLabel: z.string().nullish() }).nullish(),
    })
    .nullish(),
  totalApplicants: count,
  applied: z.boolean().nullish(),
});
export type UpworkJobNode = z.infer<typeof UpworkJobNode>;

/** One entry of a GraphQL `errors[]`. */
export const UpworkGraphqlError = z.object({
  message: z.string().default(''),
  path: z.array(z.union([z.string(), z.number()])).nullish(),
  extensions: z.object({ classification: z.string().nullish() }).loose().nullish(),
});
export type UpworkGraphqlError = z.infer<typeof UpworkGraphqlError>;

/** The search's answer: the connection (nodes left unparsed for normalize), and any errors. */
export const UpworkSearchResponse = z.object({
  data: z
    .object({
      marketplaceJobPostingsSearch: z
        .object({
          totalCount: z.number().nullish(),
          edges: z.array(z.object({ node: z.unknown() }).loose()).nullish(),
          pageInfo: z
            .object({ hasNextPage: z.boolean().nullish(), endCursor: z.string().nullish() })
            .nullish(),
        })
        .nullish(),
    })
    .loose()
    .nullish(),
  errors: z.array(UpworkGraphqlError).nullish(),
});
export type UpworkSearchResponse = z.infer<typeof UpworkSearchResponse>;
