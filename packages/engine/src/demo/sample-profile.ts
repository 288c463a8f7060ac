import type { ProfileInputDraft } from '@applydesk/domain';

/**
 * A fictional senior full-stack/backend engineer who also freelances on Upwork: the profile
 * the demo ranks the sample postings against. Contact details use reserved example values.
 */
export function sampleProfile(): ProfileInputDraft {
  return {
    name: 'default',
    basics: {
      name: 'Daniela Ferreira',
      label: 'Senior Full-Stack Engineer (TypeScript, Node.js, PostgreSQL)',
      email: 'daniela.ferreira@example.com',
      phone: '+1 303 555 0142',
      url: 'https://daniela-ferreira.example.com',
      summary:
        'Backend-leaning full-stack engineer with 9 years of experience building payment, healthcare and logistics systems in TypeScript and Node.js. ' +
        'I like event-driven designs that are easy to reason about, PostgreSQL schemas that age well, and shipping in small steps. ' +
        'Led teams of up to five engineers; also take on focused freelance API and integration projects.',
      location: { city: 'Denver', region: 'CO', countryCode: 'US' },
      profiles: [
        { network: 'GitHub', username: 'dferreira-dev', url: 'https://github.com/dferreira-dev' },
        { network: 'LinkedIn', username: 'daniela-ferreira-dev' },
        { network: 'Upwork', url: 'https://www.upwork.com/freelancers/~01daniela0example' },
      ],
    },
    work: [
      {
        name: 'Tallgrass Payments',
        position: 'Senior Software Engineer, Ledger Platform',
        location: 'Denver, CO (hybrid)',
        startDate: '2021-03-01',
        summary:
          'Payment processor for 14,000 US merchants; owned the ledger and settlement services.',
        highlights: [
          'Replaced a nightly batch settlement job with a Kafka-based event pipeline in Node.js/TypeScript, cutting reconciliation from 6 hours to 12 minutes',
          'Designed idempotent consumers and an outbox pattern that took duplicate payouts from ~30 a month to zero',
          'Partitioned a 1.8-billion-row PostgreSQL ledger table with no downtime; p95 query latency fell from 900 ms to 70 ms',
          'Led a team of five engineers; introduced design docs and an on-call runbook that halved mean time to recovery',
        ],
      },
      {
        name: 'Orchard Health Systems',
        position: 'Senior Backend Engineer',
        location: 'Remote (US)',
        startDate: '2018-06-01',
        endDate: '2021-02-28',
        summary: 'Patient engagement platform used by 300 clinics.',
        highlights: [
          'Built the GraphQL API and appointment-reminder service handling 2 million messages a month on AWS (ECS, RDS, SQS)',
          'Moved 40 services from hand-managed EC2 hosts to Docker and Terraform, cutting the AWS bill by 28%',
          'Added contract and integration tests that reduced production incidents from 9 to 2 per quarter',
        ],
      },
      {
        name: 'Kitebox Studio',
        position: 'Full-Stack Developer',
        location: 'Boulder, CO',
        startDate: '2016-01-01',
        endDate: '2018-05-31',
        summary: 'Product studio building web apps for retail and nonprofit clients.',
        highlights: [
          'Shipped 12 client projects with React, Node.js and PostgreSQL, from discovery to launch',
          'Built a reusable e-commerce checkout that raised client mobile conversion by 22%',
          "Set up the studio's first CI/CD pipeline, taking deploys from an afternoon to 15 minutes",
        ],
      },
      {
        name: 'Independent (Upwork)',
        position: 'Freelance Backend Engineer',
        location: 'Remote',
        startDate: '2019-09-01',
        summary:
          'Part-time freelance work: APIs, integrations and performance fixes for small SaaS companies.',
        highlights: [
          'Top Rated on Upwork: 31 contracts, 4.9 average rating, 100% job success',
          'Built Stripe and QuickBooks integrations for four SaaS clients, each delivered within the fixed budget',
          "Found and fixed a memory leak in a client's Express API that had forced restarts every 3 hours",
        ],
      },
    ],
    projects: [
      {
        name: 'queue-lens',
        description:
          'Open-source dashboard that shows Kafka consumer lag per partition and flags stuck consumers.',
        highlights: ['900 GitHub stars', 'Used in production by at least a dozen teams'],
        keywords: ['Kafka', 'TypeScript', 'Node.js', 'React', 'Docker'],
        url: 'https://github.com/dferreira-dev/queue-lens',
        startDate: '2022-01-01',
      },
      {
        name: 'pg-safe-migrate',
        description:
          'CLI that checks PostgreSQL migrations for locks that would block writes on large tables.',
        highlights: ['Runs in CI for three former employers'],
        keywords: ['PostgreSQL', 'SQL', 'Node.js', 'CI/CD', 'Testing'],
        url: 'https://github.com/dferreira-dev/pg-safe-migrate',
        startDate: '2020-05-01',
      },
    ],
    education: [
      {
        institution: 'University of Colorado Boulder',
        area: 'Computer Science',
        studyType: 'Bachelor of Science',
        startDate: '2011-08-01',
        endDate: '2015-05-31',
      },
    ],
    certificates: [
      {
        name: 'AWS Certified Solutions Architect - Associate',
        issuer: 'Amazon Web Services',
        date: '2022-04-12',
      },
    ],
    skills: [
      {
        name: 'Backend',
        level: 'Expert',
        keywords: [
          'TypeScript',
          'Node.js',
          'PostgreSQL',
          'SQL',
          'Kafka',
          'Redis',
          'REST APIs',
          'GraphQL',
          'Microservices',
        ],
      },
      {
        name: 'Frontend',
        level: 'Advanced',
        keywords: ['React', 'Next.js', 'JavaScript', 'HTML', 'CSS', 'Tailwind CSS'],
      },
      {
        name: 'Cloud and DevOps',
        level: 'Advanced',
        keywords: ['AWS', 'Docker', 'Terraform', 'CI/CD', 'Linux', 'Kubernetes'],
      },
      { name: 'Practices', level: 'Advanced', keywords: ['Testing', 'Git', 'Security'] },
    ],
    languages: [
      { language: 'English', fluency: 'Native speaker' },
      { language: 'Portuguese', fluency: 'Full professional proficiency' },
      { language: 'Spanish', fluency: 'Conversational' },
    ],
    preferences: {
      targetTitles: [
        'Senior Backend Engineer',
        'Senior Full-Stack Engineer',
        'Staff Engineer',
        'Node.js Developer',
      ],
      seniority: ['senior', 'lead'],
      locations: ['Denver, CO', 'United States'],
      timeZones: ['America/Denver', 'America/Chicago', 'America/New_York', 'America/Los_Angeles'],
      remote: ['remote', 'hybrid'],
      salaryFloor: { amount: 140_000, currency: 'USD', period: 'year' },
      employmentTypes: ['full_time', 'contract', 'freelance'],
      avoidCompanies: ['Hollowpine Capital'],
      freelance: {
        minHourlyRate: 60,
        minFixedBudget: 1000,
        client: { paymentVerified: true, minSpent: 1000, minRating: 4.5, maxProposals: 20 },
      },
    },
  };
}
