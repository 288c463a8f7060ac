import type { HiringGroup } from './sample-companies.js';

/** Role families for employee-style postings: titles, the problem each team has, and bullets. */

export type RoleFamilyId =
  | 'backend-node'
  | 'backend-go'
  | 'backend-python'
  | 'backend-java'
  | 'frontend-react'
  | 'frontend-vue'
  | 'fullstack'
  | 'mobile'
  | 'devops'
  | 'data-analyst'
  | 'data-engineer'
  | 'ml'
  | 'product-designer'
  | 'brand-designer'
  | 'tech-writer'
  | 'wordpress'
  | 'shopify'
  | 'product-manager'
  | 'customer-success'
  | 'marketing';

/** A bullet and the canonical skills (see domain skills.ts) it asks for; `{years}` is filled in. */
export interface Bullet {
  text: string;
  skills: readonly string[];
}

export interface RoleFamily {
  id: RoleFamilyId;
  group: HiringGroup;
  /** Relative frequency among postings. */
  weight: number;
  /** Titles without a seniority prefix. */
  titles: readonly string[];
  department: string;
  teams: readonly string[];
  /** Remotive category and RemoteOK tag for the family. */
  category: string;
  /** Opening paragraphs: the concrete problem the team is hired for. */
  problems: readonly string[];
  duties: readonly string[];
  /** The first requirement is always used; the rest are sampled. */
  requirements: readonly Bullet[];
  niceToHave: readonly Bullet[];
  /** Senior base salary in the US, USD a year. */
  salaryUsd: readonly [number, number];
  /** Senior contract rate in the US, USD an hour. */
  hourlyUsd: readonly [number, number];
}

export const ROLE_FAMILIES: readonly RoleFamily[] = [
  {
    id: 'backend-node',
    group: 'eng',
    weight: 9,
    titles: [
      'Backend Engineer',
      'Software Engineer, Backend',
      'Backend Engineer (Node.js)',
      'Node.js Engineer',
      'Backend Engineer, Payments',
      'Backend Engineer, Integrations',
      'Software Engineer, Platform',
    ],
    department: 'Engineering',
    teams: ['Payments', 'Platform', 'Integrations', 'Core API', 'Billing'],
    category: 'Software Development',
    problems: [
      "We're replacing our nightly batch billing with an event-driven pipeline: every usage event should reach an invoice line within minutes, not the next morning, and reconcile to the cent.",
      'Our public API grew from 40 to 400 integrators in a year. Rate limiting, idempotency keys and webhooks that retry sensibly are now the difference between happy partners and a support queue on fire.',
      "Our order service handles 3,000 requests a second at peak and its p99 latency doubled last quarter. We're carving checkout and inventory out of the monolith into services with clear contracts, without a big-bang rewrite.",
      "Half of our customer integrations still run as cron jobs polling partner SFTP servers. We're moving them onto a queue-backed integration platform with retries, dead-letter handling and per-customer observability.",
      'We keep 2 billion rows of shipment events in a single PostgreSQL cluster and reports time out. We need someone who can partition it, move hot reads to replicas and keep writes fast.',
      "Our notification service sends 12 million emails, texts and push messages a week through four providers, and nobody can tell you which customers didn't get theirs. We're rebuilding it with delivery tracking and provider failover.",
    ],
    duties: [
      'Design, build and operate TypeScript services that other teams depend on',
      'Own an API end to end: the contract, the implementation, the dashboards and the on-call runbook',
      'Break slow synchronous flows into events and consumers that are safe to retry',
      'Write migrations that run on live tables without locking out customers',
      'Review code and designs, and help two mid-level engineers grow',
      'Work with product and support to turn incidents into fixes that stay fixed',
      'Join a fair on-call rotation (one week in six, with a day off after a rough night)',
    ],
    requirements: [
      {
        text: '{years}+ years building production services in TypeScript/Node.js',
        skills: ['TypeScript', 'Node.js'],
      },
      {
        text: 'Strong PostgreSQL: schema design, reading query plans, migrations on large tables',
        skills: ['PostgreSQL', 'SQL'],
      },
      {
        text: 'Experience with event streaming (Kafka or similar) and consumers that are idempotent',
        skills: ['Kafka'],
      },
      {
        text: 'You have run services on AWS (ECS, Lambda, RDS) and understand what they cost',
        skills: ['AWS'],
      },
      {
        text: 'You have designed REST APIs that other teams or customers rely on',
        skills: ['REST APIs'],
      },
      {
        text: 'Comfortable with Docker and a CI/CD pipeline you can fix yourself',
        skills: ['Docker', 'CI/CD'],
      },
      {
        text: 'You write tests as a matter of course, including integration tests against a real database',
        skills: ['Testing'],
      },
      { text: 'Redis for caching, rate limiting or job queues', skills: ['Redis'] },
    ],
    niceToHave: [
      { text: 'GraphQL schema design and federation', skills: ['GraphQL'] },
      { text: 'Terraform or another infrastructure-as-code tool', skills: ['Terraform'] },
      {
        text: 'Experience in payments, billing or another domain where money has to add up',
        skills: [],
      },
      { text: 'Kubernetes in production', skills: ['Kubernetes'] },
      { text: 'OpenTelemetry tracing across services', skills: [] },
    ],
    salaryUsd: [150_000, 190_000],
    hourlyUsd: [75, 110],
  },
  {
    id: 'backend-go',
    group: 'eng',
    weight: 5,
    titles: [
      'Backend Engineer (Go)',
      'Software Engineer, Infrastructure',
      'Go Engineer',
      'Distributed Systems Engineer',
      'Backend Engineer, Data Plane',
    ],
    department: 'Engineering',
    teams: ['Infrastructure', 'Data Plane', 'Storage', 'Edge'],
    category: 'Software Development',
    problems: [
      'Our ingestion gateway accepts telemetry from 250,000 devices over MQTT and gRPC. It has to double its throughput this year without doubling the bill.',
      'We run a multi-tenant scheduler that places 5 million jobs a day across customer clusters, and fairness between tenants is currently a set of hand-tuned constants.',
      'Our edge proxy terminates TLS for 30,000 customer domains, and certificate renewals still page someone at 3 a.m. We want automated issuance, rotation and zero-downtime reloads.',
      'We are building a ledger service that must be correct before it is fast: double-entry, append-only, and auditable by a bank examiner.',
      "Search across 400 million documents fans out to every shard on every query. We're building a routing layer in Go that knows where the data lives.",
    ],
    duties: [
      'Build and operate high-throughput services in Go',
      'Profile, benchmark and remove the bottleneck, then write down how you found it',
      'Design APIs and storage layouts for data that grows 10x a year',
      'Own reliability for your services: SLOs, alerts, capacity plans',
      'Contribute to design reviews across the infrastructure group',
      'Mentor engineers who are new to Go and to distributed systems',
    ],
    requirements: [
      { text: '{years}+ years writing production Go (golang)', skills: ['Go'] },
      {
        text: 'Deep understanding of concurrency, backpressure and failure modes in distributed systems',
        skills: ['Microservices'],
      },
      {
        text: 'Operated services on Kubernetes and know how to debug them there',
        skills: ['Kubernetes', 'Docker'],
      },
      {
        text: 'Experience with PostgreSQL or another relational database at scale',
        skills: ['PostgreSQL'],
      },
      { text: 'Comfortable on Linux: perf, strace, tcpdump and friends', skills: ['Linux'] },
      { text: 'Kafka or another log-based message system', skills: ['Kafka'] },
      { text: 'Cloud experience on AWS or GCP', skills: ['AWS', 'GCP'] },
    ],
    niceToHave: [
      { text: 'Rust for the few hot paths where Go is not enough', skills: ['Rust'] },
      { text: 'gRPC and protocol buffers', skills: [] },
      { text: 'Contributions to open-source infrastructure projects', skills: [] },
      { text: 'Terraform', skills: ['Terraform'] },
    ],
    salaryUsd: [160_000, 205_000],
    hourlyUsd: [85, 125],
  },
  {
    id: 'backend-python',
    group: 'eng',
    weight: 6,
    titles: [
      'Backend Engineer (Python)',
      'Python Engineer',
      'Software Engineer, Python',
      'Backend Developer (Django)',
      'Software Engineer, Automation',
    ],
    department: 'Engineering',
    teams: ['Claims', 'Scheduling', 'Pricing', 'Partner APIs', 'Rostering'],
    category: 'Software Development',
    problems: [
      "Claims adjusters spend 40 minutes per claim copying numbers from PDFs into our system. We're building the services that extract, validate and route that data, with people in the loop where the model is unsure.",
      "Our Django monolith serves clinicians, patients and insurers from one codebase and one database. We're drawing boundaries, starting with scheduling, and moving heavy work to async workers.",
      'We price 60,000 products daily from supplier feeds that arrive in every format imaginable. The pricing engine is a 9,000-line script; we want a tested service with an audit trail for every price change.',
      'Our FastAPI services call a dozen third-party APIs that rate-limit, time out and change without notice. We need resilient clients, contract tests and dashboards that show who is failing.',
      'School districts upload rosters exported from five different student-information systems. Sync failures lock teachers out on the first day of term; we want sync to be boring.',
    ],
    duties: [
      'Build and maintain Python services and background workers',
      'Turn fragile scripts into tested, observable services',
      'Design data models and APIs with the product team',
      'Improve our test suite and the speed of our CI',
      'Investigate production issues and fix their root causes',
      'Document decisions so the next person understands why',
    ],
    requirements: [
      { text: '{years}+ years of professional Python development', skills: ['Python'] },
      { text: 'Experience with Django or FastAPI in production', skills: ['Django', 'FastAPI'] },
      {
        text: 'Solid SQL and PostgreSQL; you know when an index will help',
        skills: ['SQL', 'PostgreSQL'],
      },
      { text: 'Background jobs and queues (Celery, RabbitMQ or similar)', skills: ['RabbitMQ'] },
      { text: 'You test your code with pytest and care about fast feedback', skills: ['Testing'] },
      { text: 'Docker and a cloud provider (AWS or GCP)', skills: ['Docker', 'AWS'] },
      { text: 'Building and consuming REST APIs', skills: ['REST APIs'] },
    ],
    niceToHave: [
      { text: 'Pandas for data wrangling', skills: ['Pandas'] },
      { text: 'Experience integrating LLM APIs into a product', skills: ['LLMs'] },
      { text: 'Healthcare, insurance or education domain experience', skills: [] },
      { text: 'Redis', skills: ['Redis'] },
    ],
    salaryUsd: [145_000, 185_000],
    hourlyUsd: [70, 105],
  },
  {
    id: 'backend-java',
    group: 'eng',
    weight: 5,
    titles: [
      'Java Engineer',
      'Backend Engineer (Java/Kotlin)',
      'Software Engineer, Core Banking',
      'Software Engineer, JVM',
    ],
    department: 'Engineering',
    teams: ['Payments Rails', 'Rating', 'Warehouse Systems', 'Regulatory Reporting'],
    category: 'Software Development',
    problems: [
      "Our core banking integration is a Spring application that talks to a mainframe over MQ. We're adding real-time payment rails without breaking the batch world next door.",
      "Insurance quotes take 8 seconds because each one calls twelve rating services in sequence. We're restructuring the quote flow for parallelism and caching while keeping every rating rule auditable.",
      "Our warehouse management system tracks 1.2 million pallet moves a day. We're splitting the allocation engine out of the monolith so it can scale on its own during peak season.",
      "Regulators now want transaction reports within an hour instead of by end of day. We're rebuilding our reporting pipeline on Kafka Streams with exactly-once guarantees.",
    ],
    duties: [
      'Design and build services in Java and Kotlin on Spring Boot',
      'Evolve a large codebase safely: strangler patterns, feature flags, contract tests',
      'Work with risk, compliance and operations on requirements that have legal weight',
      'Tune JVM services for latency and memory',
      'Take part in incident reviews and architecture decisions',
    ],
    requirements: [
      { text: '{years}+ years building backend systems in Java', skills: ['Java'] },
      { text: 'Spring Boot in production', skills: ['Spring'] },
      { text: 'Kafka, including consumer groups and delivery semantics', skills: ['Kafka'] },
      {
        text: 'Relational databases (PostgreSQL or Oracle) and SQL you are proud of',
        skills: ['SQL', 'PostgreSQL'],
      },
      {
        text: 'Microservices: service boundaries, versioning, resilience patterns',
        skills: ['Microservices'],
      },
      { text: 'Automated testing at unit, integration and contract level', skills: ['Testing'] },
    ],
    niceToHave: [
      { text: 'Kotlin', skills: ['Kotlin'] },
      { text: 'Payments or banking standards such as ISO 20022', skills: [] },
      { text: 'Kubernetes and Docker', skills: ['Kubernetes', 'Docker'] },
      { text: 'Azure', skills: ['Azure'] },
    ],
    salaryUsd: [150_000, 185_000],
    hourlyUsd: [75, 110],
  },
  {
    id: 'frontend-react',
    group: 'eng',
    weight: 6,
    titles: [
      'Frontend Engineer',
      'Frontend Engineer (React)',
      'Software Engineer, Frontend',
      'React Developer',
      'UI Engineer',
      'Frontend Engineer, Design Systems',
    ],
    department: 'Engineering',
    teams: ['Dispatch', 'Checkout', 'Design Systems', 'Customer Dashboard', 'Clinical Apps'],
    category: 'Software Development',
    problems: [
      'Our dispatch board is a six-year-old React app where a single drag-and-drop can trigger 400 re-renders. Dispatchers keep it open all day on old laptops; it needs to be fast and accessible.',
      "We're moving our customer dashboard from server-rendered templates to React and TypeScript one screen at a time, while shipping features every week.",
      "Our checkout converts 18% worse on mobile than on desktop. We've done the research; we need engineers who can rebuild the flow, measure it, and keep Core Web Vitals green.",
      'Our design system has three button components and no owner. You will turn it into a documented, tested library that six product teams actually want to use.',
      'Clinicians chart visits in our web app between patients. Every extra click costs them time, and screen-reader support is now a contract requirement with two hospital systems.',
    ],
    duties: [
      'Build product features in React and TypeScript from design to production',
      'Own performance: bundle size, rendering, and the metrics that show them',
      'Make accessibility a default in every component you touch',
      'Work closely with designers, often prototyping before the spec is final',
      'Write tests that catch regressions without slowing the team down',
      'Contribute to and help maintain our component library',
    ],
    requirements: [
      { text: '{years}+ years building web applications with React', skills: ['React'] },
      { text: 'TypeScript you would be happy for others to maintain', skills: ['TypeScript'] },
      {
        text: 'Strong HTML and CSS, including layouts that survive real content',
        skills: ['HTML', 'CSS'],
      },
      {
        text: 'Accessibility: semantic markup, keyboard navigation, WCAG 2.1 AA',
        skills: ['Accessibility'],
      },
      { text: 'Testing with Jest or Vitest and Playwright', skills: ['Testing'] },
      { text: 'Experience consuming REST or GraphQL APIs', skills: ['REST APIs', 'GraphQL'] },
    ],
    niceToHave: [
      { text: 'Next.js', skills: ['Next.js'] },
      { text: 'Tailwind CSS', skills: ['Tailwind CSS'] },
      { text: 'Building or maintaining a design system', skills: ['Design Systems'] },
      { text: 'Some Node.js on the backend', skills: ['Node.js'] },
      { text: 'An eye for design and a working knowledge of Figma', skills: ['Figma'] },
    ],
    salaryUsd: [140_000, 180_000],
    hourlyUsd: [65, 100],
  },
  {
    id: 'frontend-vue',
    group: 'eng',
    weight: 3,
    titles: ['Frontend Developer (Vue.js)', 'Vue.js Engineer', 'Frontend Engineer (Vue)'],
    department: 'Engineering',
    teams: ['Booking Widget', 'Internal Tools', 'Editor'],
    category: 'Software Development',
    problems: [
      "Our booking widget is embedded on 9,000 hotel websites and must load in under a second on hotel Wi-Fi. It's Vue 2 today; we're moving to Vue 3 and cutting the bundle in half.",
      'Our operations tools grew into 40 Vue screens with copy-pasted forms. We want a shared component library and one way to handle validation and permissions.',
      "We're building an editor that lets teachers assemble lessons from blocks, with autosave and real-time collaboration.",
    ],
    duties: [
      'Build and maintain Vue.js applications used every day by customers and colleagues',
      'Migrate components from the Options API to the Composition API',
      'Improve load time and runtime performance',
      'Collaborate with designers on interaction details',
      'Write component and end-to-end tests',
    ],
    requirements: [
      { text: '{years}+ years of frontend development with Vue.js', skills: ['Vue.js'] },
      { text: 'JavaScript and TypeScript', skills: ['JavaScript', 'TypeScript'] },
      { text: 'Semantic HTML and modern CSS (SCSS welcome)', skills: ['HTML', 'CSS'] },
      { text: 'Testing with Vitest and Cypress', skills: ['Testing'] },
      { text: 'Consuming REST APIs and handling their errors gracefully', skills: ['REST APIs'] },
    ],
    niceToHave: [
      { text: 'Nuxt', skills: [] },
      { text: 'Accessibility know-how', skills: ['Accessibility'] },
      { text: 'Some PHP or Laravel, which still powers our backend', skills: ['PHP', 'Laravel'] },
    ],
    salaryUsd: [125_000, 160_000],
    hourlyUsd: [55, 90],
  },
  {
    id: 'fullstack',
    group: 'eng',
    weight: 7,
    titles: [
      'Full-Stack Engineer',
      'Full-Stack Developer',
      'Software Engineer, Full-Stack',
      'Product Engineer',
      'Full-Stack Engineer (React/Node.js)',
    ],
    department: 'Engineering',
    teams: ['Onboarding', 'Tenant Experience', 'Growth', 'Messaging', 'Self-Serve'],
    category: 'Software Development',
    problems: [
      "Onboarding takes new customers 11 days because half of it happens over email and spreadsheets. We're building a self-serve flow, from the React front end down to the Postgres schema.",
      'Landlords manage 80,000 units on our platform and they want a tenant portal: payments, maintenance requests with photos, and messages that do not get lost.',
      "We're turning the pricing spreadsheet finance runs every Monday into a product our customers can use directly.",
      'Our product grew features faster than it grew tests. You will ship features end to end while helping us reach a codebase where deploying on a Friday is boring.',
      'Small clinics use our app to send appointment reminders. We are adding two-way messaging, which means WebSockets, a queue, and a UI that works on the front-desk PC from 2014.',
    ],
    duties: [
      'Ship features end to end: schema, API, UI, analytics',
      'Talk to customers with our product manager and turn what you hear into small, shippable steps',
      'Keep the codebase healthy: tests, types, and the occasional brave refactor',
      'Own features in production, including the alerts and the fixes',
      'Help decide what not to build',
    ],
    requirements: [
      {
        text: '{years}+ years shipping web products with TypeScript on both front end and back end',
        skills: ['TypeScript'],
      },
      { text: 'React on the front end', skills: ['React'] },
      { text: 'Node.js on the back end', skills: ['Node.js'] },
      { text: 'PostgreSQL and SQL', skills: ['PostgreSQL', 'SQL'] },
      { text: 'Experience deploying to AWS or a similar cloud', skills: ['AWS'] },
      { text: 'Automated tests at the right level, from unit to end-to-end', skills: ['Testing'] },
      { text: 'Designing clean REST APIs', skills: ['REST APIs'] },
    ],
    niceToHave: [
      { text: 'Next.js', skills: ['Next.js'] },
      { text: 'GraphQL', skills: ['GraphQL'] },
      { text: 'WebSockets and real-time features', skills: [] },
      { text: 'Early-stage startup experience', skills: [] },
      { text: 'Tailwind CSS', skills: ['Tailwind CSS'] },
    ],
    salaryUsd: [145_000, 185_000],
    hourlyUsd: [70, 105],
  },
  {
    id: 'mobile',
    group: 'eng',
    weight: 5,
    titles: [
      'Mobile Engineer',
      'iOS Engineer',
      'Android Engineer',
      'Mobile Engineer (React Native)',
      'Flutter Developer',
    ],
    department: 'Engineering',
    teams: ['Driver App', 'Patient App', 'Mobile Platform', 'Field App'],
    category: 'Software Development',
    problems: [
      'Our driver app runs on 15,000 Android devices in trucks with spotty coverage. Offline-first sync is the whole job: jobs, signatures and photos must survive tunnels and dead zones.',
      "We're rebuilding our iOS and Android apps in React Native after years of maintaining two native codebases with a team of three.",
      "Patients use our app to book appointments and message their care team. App Store reviews say login is painful; we're moving to passkeys and fixing the crash rate.",
      'Our app lets farmers log field observations with photos and GPS. It has to work for a week without signal and sync without conflicts.',
    ],
    duties: [
      'Build features for our iOS and Android apps',
      'Own app quality: crash rate, startup time, battery use',
      'Design offline storage and sync with the backend team',
      'Run releases, staged rollouts and feature flags',
      'Work with designers on native-feeling interactions',
    ],
    requirements: [
      {
        text: '{years}+ years building mobile apps shipped to the App Store and Google Play',
        skills: ['iOS', 'Android'],
      },
      { text: 'React Native with TypeScript', skills: ['React Native', 'TypeScript'] },
      { text: 'Swift or Kotlin for native modules', skills: ['Swift', 'Kotlin'] },
      { text: 'Offline storage with SQLite and sync strategies', skills: ['SQLite'] },
      { text: 'Automated testing for mobile (unit and end-to-end)', skills: ['Testing'] },
      { text: 'Consuming REST APIs over unreliable networks', skills: ['REST APIs'] },
    ],
    niceToHave: [
      { text: 'Flutter', skills: ['Flutter'] },
      { text: 'CI/CD for mobile (Fastlane, EAS, Bitrise)', skills: ['CI/CD'] },
      { text: 'Accessibility on mobile', skills: ['Accessibility'] },
    ],
    salaryUsd: [145_000, 185_000],
    hourlyUsd: [70, 105],
  },
  {
    id: 'devops',
    group: 'eng',
    weight: 5,
    titles: [
      'DevOps Engineer',
      'Site Reliability Engineer',
      'Platform Engineer',
      'Infrastructure Engineer',
      'Cloud Engineer',
    ],
    department: 'Engineering',
    teams: ['Platform', 'SRE', 'Developer Experience', 'Cloud Infrastructure'],
    category: 'DevOps / Sysadmin',
    problems: [
      "We run 140 services on Kubernetes across three AWS accounts that were set up by hand. We're moving everything to Terraform and want every change to go through review.",
      'Our cloud bill grew 70% last year while traffic grew 20%. We need someone who can find the waste and build the guardrails that keep it away.',
      'Deploys take 45 minutes and fail one time in five. We want them under ten minutes and boring, with canaries and automatic rollback.',
      "We're preparing for SOC 2 Type II and our infrastructure grew faster than our access controls. You will own the platform side of that audit.",
      'Our on-call rotation gets 300 pages a month and most of them are noise. We want SLOs that mean something and alerts that wake people only for them.',
    ],
    duties: [
      'Build and run the platform our 60 engineers deploy to',
      'Codify infrastructure with Terraform and review changes from other teams',
      'Improve CI/CD speed and reliability',
      'Define SLOs with service owners and make the alerts match them',
      'Lead incident response and blameless reviews',
      'Keep costs visible and under control',
    ],
    requirements: [
      { text: '{years}+ years in DevOps, SRE or platform roles', skills: ['Linux'] },
      { text: 'AWS in depth: networking, IAM, EKS or ECS', skills: ['AWS'] },
      { text: 'Terraform at scale, including modules and state management', skills: ['Terraform'] },
      { text: 'Kubernetes and Docker in production', skills: ['Kubernetes', 'Docker'] },
      { text: 'CI/CD pipelines (GitHub Actions, GitLab CI or similar)', skills: ['CI/CD'] },
      { text: 'Scripting in Python, Go or Bash', skills: ['Python', 'Go'] },
      { text: 'Observability: Prometheus, Grafana, OpenTelemetry', skills: [] },
    ],
    niceToHave: [
      { text: 'GCP or Azure as well as AWS', skills: ['GCP', 'Azure'] },
      { text: 'Security and compliance work (SOC 2, ISO 27001)', skills: ['Security'] },
      { text: 'PostgreSQL operations', skills: ['PostgreSQL'] },
    ],
    salaryUsd: [155_000, 195_000],
    hourlyUsd: [80, 120],
  },
  {
    id: 'data-analyst',
    group: 'data',
    weight: 7,
    titles: [
      'Data Analyst',
      'Product Analyst',
      'Business Intelligence Analyst',
      'Marketing Analyst',
    ],
    department: 'Data',
    teams: ['Analytics', 'Revenue Operations', 'Growth', 'Finance'],
    category: 'Data',
    problems: [
      'Our sales team argues about pipeline numbers every Monday because three dashboards disagree. We want one set of definitions and dashboards people trust.',
      'We changed our pricing in March and still cannot say whether it worked. You will design the analysis, from cohort retention to revenue per account.',
      'Store managers order stock by gut feeling. We want weekly forecasts they can act on, explained in plain language.',
      "Marketing spends $2M a year across eight channels and attribution lives in a spreadsheet. You will build the model and the reporting that decides next year's budget.",
    ],
    duties: [
      'Answer business questions with data and explain the answer to people who do not read SQL',
      'Build and maintain dashboards that leaders use weekly',
      'Design and analyze experiments with product managers',
      'Define metrics and document them so they mean the same thing everywhere',
      'Find data quality problems before our customers do',
    ],
    requirements: [
      { text: '{years}+ years in an analytics role', skills: ['Statistics'] },
      {
        text: 'Advanced SQL: window functions, CTEs, and knowing when a join is lying to you',
        skills: ['SQL'],
      },
      {
        text: 'A BI tool such as Tableau, Looker or Power BI',
        skills: ['Tableau', 'Looker', 'Power BI'],
      },
      { text: 'Excel for quick models finance can audit', skills: ['Excel'] },
      { text: 'A/B testing and the statistics behind it', skills: ['A/B Testing', 'Statistics'] },
      { text: 'Python with Pandas for analysis that outgrows SQL', skills: ['Python', 'Pandas'] },
    ],
    niceToHave: [
      { text: 'dbt', skills: ['dbt'] },
      { text: 'Experience in e-commerce or retail', skills: [] },
      { text: 'BigQuery or Snowflake', skills: ['BigQuery', 'Snowflake'] },
    ],
    salaryUsd: [100_000, 130_000],
    hourlyUsd: [45, 75],
  },
  {
    id: 'data-engineer',
    group: 'data',
    weight: 5,
    titles: [
      'Data Engineer',
      'Analytics Engineer',
      'Data Platform Engineer',
      'Software Engineer, Data',
    ],
    department: 'Data',
    teams: ['Data Platform', 'Analytics Engineering', 'Data Infrastructure'],
    category: 'Data',
    problems: [
      "Our warehouse is a single Postgres replica and analysts wait 20 minutes for a query. We're moving to Snowflake with dbt models that have tests and owners.",
      'We ingest 3 TB of clickstream a day through scripts only one person understands. We want pipelines in Airflow with lineage, backfills and alerts.',
      "Product, finance and operations each define 'active customer' differently. We're building a semantic layer so the number is the same everywhere.",
      "We're building the data foundation for our first machine-learning features: feature tables, point-in-time correctness and freshness guarantees.",
    ],
    duties: [
      'Design and build batch and streaming pipelines',
      'Model data in the warehouse for analysts and data scientists',
      'Own data quality: tests, contracts with source teams, and alerts',
      'Keep warehouse costs predictable',
      'Help analysts write better SQL and dbt',
    ],
    requirements: [
      {
        text: '{years}+ years building data pipelines in Python and SQL',
        skills: ['Python', 'SQL'],
      },
      { text: 'dbt in production', skills: ['dbt'] },
      { text: 'Airflow or another orchestrator', skills: ['Airflow'] },
      { text: 'A cloud warehouse: Snowflake or BigQuery', skills: ['Snowflake', 'BigQuery'] },
      { text: 'Spark or another distributed processing engine', skills: ['Spark'] },
      { text: 'Kafka or change-data-capture tooling', skills: ['Kafka'] },
    ],
    niceToHave: [
      { text: 'Terraform', skills: ['Terraform'] },
      { text: 'Data modeling (Kimball, Data Vault)', skills: [] },
      { text: 'AWS data services', skills: ['AWS'] },
    ],
    salaryUsd: [150_000, 185_000],
    hourlyUsd: [70, 110],
  },
  {
    id: 'ml',
    group: 'data',
    weight: 6,
    titles: [
      'Machine Learning Engineer',
      'ML Engineer, LLM Applications',
      'Applied Scientist',
      'AI Engineer',
    ],
    department: 'Machine Learning',
    teams: ['Applied ML', 'Risk Models', 'AI Assistants', 'Document Intelligence'],
    category: 'Data',
    problems: [
      "Support agents answer the same 200 questions every day. We're building retrieval-augmented assistants that draft answers from our docs and past tickets, with evaluations that tell us when they are wrong.",
      'Fraudsters adapt to our rules within a week. We want models that learn from chargebacks and analyst decisions, served in under 50 ms.',
      'Our demand forecasts are a moving average. We want models that account for promotions, weather and holidays, and monitoring that tells us when they drift.',
      'We extract fields from 40,000 scanned documents a day. The current model is fine on clean scans and bad on faxes; you will own the path from labeling to deployment.',
    ],
    duties: [
      'Train, evaluate and ship models that run in production',
      'Build evaluation sets and offline metrics that predict online results',
      'Work with backend engineers on serving, latency and cost',
      'Monitor models for drift and decide when to retrain',
      'Explain trade-offs to product and legal in plain language',
    ],
    requirements: [
      {
        text: '{years}+ years of applied machine learning in production',
        skills: ['Machine Learning'],
      },
      {
        text: 'Python and the scientific stack (NumPy, Pandas)',
        skills: ['Python', 'NumPy', 'Pandas'],
      },
      { text: 'PyTorch or TensorFlow', skills: ['PyTorch', 'TensorFlow'] },
      {
        text: 'Building with large language models: retrieval, prompting, evaluation',
        skills: ['LLMs'],
      },
      { text: 'Serving models behind an API (FastAPI or similar)', skills: ['FastAPI'] },
      { text: 'Sound statistics and experiment design', skills: ['Statistics'] },
    ],
    niceToHave: [
      { text: 'MLOps tooling on AWS or GCP', skills: ['AWS', 'GCP'] },
      { text: 'Docker and Kubernetes', skills: ['Docker', 'Kubernetes'] },
      { text: 'Published research or open-source work', skills: [] },
    ],
    salaryUsd: [170_000, 220_000],
    hourlyUsd: [90, 140],
  },
  {
    id: 'product-designer',
    group: 'design',
    weight: 7,
    titles: ['Product Designer', 'UX Designer', 'UI/UX Designer', 'Product Designer, Growth'],
    department: 'Design',
    teams: ['Core Product', 'Growth', 'Mobile', 'Admin Experience'],
    category: 'Design',
    problems: [
      'Our customers run payroll for restaurants, often on a phone at midnight. The product works but it feels like tax software; we want it to feel like it is on their side.',
      'We are adding a second persona, the finance admin, to a product designed for engineers. Navigation, permissions and empty states all need rethinking.',
      'Our onboarding loses 55% of new users before their first report. You will own the research, the flows and the experiments that fix it.',
      'Care coordinators juggle five tools to schedule one patient. We are designing a single workspace with them, not for them.',
    ],
    duties: [
      'Own design for a product area from research to shipped UI',
      'Run interviews and usability tests, and share what you learn',
      'Prototype in Figma and test ideas before they are built',
      'Contribute to and extend our design system',
      'Pair with engineers through implementation',
    ],
    requirements: [
      {
        text: '{years}+ years designing digital products, with a portfolio that shows your process',
        skills: ['UX Design', 'UI Design'],
      },
      { text: 'Expert in Figma', skills: ['Figma'] },
      { text: 'Prototyping and usability testing', skills: ['Prototyping'] },
      { text: 'Working within and extending a design system', skills: ['Design Systems'] },
      { text: 'Accessibility as part of your craft', skills: ['Accessibility'] },
    ],
    niceToHave: [
      { text: 'B2B SaaS or fintech experience', skills: [] },
      { text: 'Basic HTML and CSS', skills: ['HTML', 'CSS'] },
      { text: 'Experience designing experiments with data analysts', skills: ['A/B Testing'] },
    ],
    salaryUsd: [130_000, 170_000],
    hourlyUsd: [60, 95],
  },
  {
    id: 'brand-designer',
    group: 'design',
    weight: 4,
    titles: ['Brand Designer', 'Visual Designer', 'Graphic Designer', 'Marketing Designer'],
    department: 'Marketing',
    teams: ['Brand', 'Marketing'],
    category: 'Design',
    problems: [
      "We've outgrown a logo made in a weekend. We're refreshing the brand across product, website and the vans our drivers use.",
      'We launch in three new countries this year and need a visual system that works in three languages, online and in print.',
      'Our marketing site, pitch decks and event booths look like three different companies. You will bring them into one system.',
    ],
    duties: [
      'Develop and maintain our visual identity',
      'Design campaigns, landing pages and social assets',
      'Create brand guidelines other teams can follow without you',
      'Work with agencies, printers and illustrators',
    ],
    requirements: [
      {
        text: '{years}+ years of brand or visual design, with a strong portfolio',
        skills: ['Branding'],
      },
      { text: 'Adobe Illustrator and Photoshop', skills: ['Illustrator', 'Photoshop'] },
      { text: 'Figma for web and product assets', skills: ['Figma'] },
      { text: 'Typography and layout for print and screen', skills: ['UI Design'] },
    ],
    niceToHave: [
      { text: 'Motion design', skills: [] },
      { text: 'Webflow', skills: ['Webflow'] },
      { text: 'Illustration', skills: [] },
    ],
    salaryUsd: [95_000, 125_000],
    hourlyUsd: [45, 75],
  },
  {
    id: 'tech-writer',
    group: 'docs',
    weight: 3,
    titles: ['Technical Writer', 'Documentation Engineer', 'Developer Documentation Writer'],
    department: 'Developer Relations',
    teams: ['Docs', 'Developer Experience'],
    category: 'Writing',
    problems: [
      'Our API has 300 endpoints and the docs were generated in 2019. Developers give up during integration; we want docs that get them to a first successful call in 15 minutes.',
      'We ship weekly and our help center lags by a month. You will build the docs-as-code workflow that keeps them in step.',
      'Our SDKs exist in five languages with five styles of documentation. We want one voice, tested code samples and a generated reference.',
    ],
    duties: [
      'Write and maintain guides, tutorials and API reference',
      'Own the docs toolchain and its publishing pipeline',
      'Interview engineers and turn what they know into docs',
      'Measure which pages help and which pages frustrate',
    ],
    requirements: [
      { text: '{years}+ years writing documentation for developers', skills: ['Copywriting'] },
      { text: 'Comfortable reading code and REST APIs', skills: ['REST APIs'] },
      { text: 'Docs-as-code with Git and Markdown', skills: ['Git'] },
      {
        text: 'Enough JavaScript or Python to write and test samples',
        skills: ['JavaScript', 'Python'],
      },
    ],
    niceToHave: [
      { text: 'OpenAPI tooling', skills: [] },
      { text: 'SEO for documentation sites', skills: ['SEO'] },
      { text: 'Experience with a developer-tools company', skills: [] },
    ],
    salaryUsd: [100_000, 135_000],
    hourlyUsd: [45, 80],
  },
  {
    id: 'wordpress',
    group: 'web',
    weight: 2.5,
    titles: ['WordPress Developer', 'Web Developer (WordPress)', 'WordPress Engineer'],
    department: 'Web',
    teams: ['Client Sites', 'Web'],
    category: 'Software Development',
    problems: [
      'We build and look after WordPress sites for 120 small businesses, from dentists to breweries. Many run on themes from 2016; we are moving them to a modern block-based setup.',
      "Our clients' WooCommerce stores slow down every holiday season. We want a repeatable performance and security checklist, and someone who enjoys applying it.",
    ],
    duties: [
      'Build custom WordPress themes and blocks from Figma designs',
      'Maintain and update client sites safely',
      'Improve page speed and SEO basics',
      'Talk to clients directly about what they need',
    ],
    requirements: [
      { text: '{years}+ years building WordPress sites professionally', skills: ['WordPress'] },
      { text: 'PHP for themes and plugins', skills: ['PHP'] },
      { text: 'HTML, CSS and JavaScript', skills: ['HTML', 'CSS', 'JavaScript'] },
      { text: 'MySQL basics and WordPress hosting', skills: ['MySQL'] },
    ],
    niceToHave: [
      { text: 'SEO', skills: ['SEO'] },
      { text: 'Shopify', skills: ['Shopify'] },
      { text: 'Accessibility audits', skills: ['Accessibility'] },
    ],
    salaryUsd: [75_000, 100_000],
    hourlyUsd: [40, 65],
  },
  {
    id: 'shopify',
    group: 'web',
    weight: 2.5,
    titles: ['Shopify Developer', 'E-commerce Developer (Shopify)', 'Shopify Theme Developer'],
    department: 'E-commerce',
    teams: ['E-commerce', 'Storefront'],
    category: 'Software Development',
    problems: [
      'We run Shopify stores for 30 direct-to-consumer brands. Theme changes are made by whoever is free; we want a shared base theme and a proper deployment process.',
      'Our subscription boxes live on Shopify with three apps glued together. We want fewer apps and more of our own code.',
    ],
    duties: [
      'Build and customize Shopify themes in Liquid',
      'Integrate apps and build small custom ones',
      'Keep stores fast and conversion high',
      'Work with designers and marketers on launches',
    ],
    requirements: [
      { text: '{years}+ years of Shopify development', skills: ['Shopify'] },
      { text: 'JavaScript, HTML and CSS', skills: ['JavaScript', 'HTML', 'CSS'] },
      {
        text: 'Shopify APIs (Admin and Storefront, REST and GraphQL)',
        skills: ['REST APIs', 'GraphQL'],
      },
      { text: 'Git-based theme workflows', skills: ['Git'] },
    ],
    niceToHave: [
      { text: 'React for custom storefronts', skills: ['React'] },
      { text: 'Node.js for small apps', skills: ['Node.js'] },
      { text: 'Conversion-rate optimization', skills: ['A/B Testing'] },
    ],
    salaryUsd: [80_000, 110_000],
    hourlyUsd: [40, 70],
  },
  {
    id: 'product-manager',
    group: 'product',
    weight: 5,
    titles: [
      'Product Manager',
      'Product Manager, Platform',
      'Product Manager, Growth',
      'Technical Product Manager',
    ],
    department: 'Product',
    teams: ['Core Product', 'Platform', 'Growth', 'Payments'],
    category: 'Product',
    problems: [
      'Our largest customers ask for custom reports every week and our engineers build them one by one. We need a product manager to turn that into a reporting product.',
      'We have three pricing plans, eleven add-ons and a sales team that discounts everything. You will own packaging and pricing with finance and sales.',
      'Our mobile app has 4.8 stars and 30% monthly churn. You will find out why people leave and decide what we build about it.',
      'Partners integrate with us through an API nobody owns. You will become its product owner: roadmap, deprecations and developer experience.',
    ],
    duties: [
      'Own the roadmap for a product area and explain the why behind it',
      'Talk to customers every week, and bring engineers along',
      'Write clear problem statements and acceptance criteria',
      'Define success metrics and follow them after launch',
      'Work with sales, support and marketing on launches',
    ],
    requirements: [
      {
        text: '{years}+ years of product management on software products, with launches and experiments you can walk us through',
        skills: ['A/B Testing'],
      },
      { text: 'Comfortable with data: you write your own SQL queries', skills: ['SQL'] },
      { text: 'Agile delivery with engineering teams (Scrum or Kanban)', skills: ['Scrum'] },
      { text: 'A working knowledge of UX research methods', skills: ['UX Design'] },
      {
        text: 'Enough technical depth to discuss API design with engineers',
        skills: ['REST APIs'],
      },
    ],
    niceToHave: [
      { text: 'B2B SaaS pricing experience', skills: [] },
      { text: 'Experience with analytics tools such as Looker', skills: ['Looker'] },
      { text: 'A background in engineering or design', skills: [] },
    ],
    salaryUsd: [145_000, 185_000],
    hourlyUsd: [70, 105],
  },
  {
    id: 'customer-success',
    group: 'ops',
    weight: 5,
    titles: [
      'Customer Success Manager',
      'Technical Support Specialist',
      'Implementation Specialist',
      'Customer Support Specialist',
      'Solutions Consultant',
    ],
    department: 'Customer Success',
    teams: ['Customer Success', 'Support', 'Onboarding'],
    category: 'Customer Service',
    problems: [
      'Our customers are growing faster than our support team. We want to answer in under an hour and fix the causes of the top ten ticket types.',
      'New customers take six weeks to go live. You will run implementations and tell product what slows them down.',
      'Renewals are our biggest lever this year. You will own a book of 60 mid-market accounts and their health.',
    ],
    duties: [
      'Own a portfolio of customer accounts from onboarding to renewal',
      'Run onboarding and training sessions',
      'Troubleshoot issues and work with engineering on escalations',
      'Write help-center articles for the questions you answer twice',
      'Bring customer feedback to the product team',
    ],
    requirements: [
      {
        text: '{years}+ years in customer success, support or implementation for a software product',
        skills: ['Excel'],
      },
      {
        text: 'Comfortable reading logs and testing REST APIs with Postman',
        skills: ['REST APIs'],
      },
      { text: 'Basic SQL to answer your own questions', skills: ['SQL'] },
      { text: 'Clear, friendly writing', skills: ['Copywriting'] },
    ],
    niceToHave: [
      { text: 'Experience with a CRM and a help-desk tool', skills: [] },
      { text: 'A second European language', skills: [] },
      { text: 'Industry experience in healthcare or logistics', skills: [] },
    ],
    salaryUsd: [75_000, 100_000],
    hourlyUsd: [35, 55],
  },
  {
    id: 'marketing',
    group: 'marketing',
    weight: 5,
    titles: [
      'Content Marketing Manager',
      'Growth Marketing Manager',
      'SEO Specialist',
      'Lifecycle Marketing Manager',
      'Product Marketing Manager',
    ],
    department: 'Marketing',
    teams: ['Growth', 'Content', 'Lifecycle', 'Product Marketing'],
    category: 'Marketing',
    problems: [
      'Most of our signups come from one channel, and that channel is getting expensive. You will find and prove the next two.',
      'Our blog ranks for nothing we sell. We want content that brings in the people who actually buy.',
      'Trial users who see our reporting feature convert three times as often, and most never find it. You will own the emails and in-app messages that change that.',
    ],
    duties: [
      'Plan and run campaigns from brief to results',
      'Write and edit content that sounds like us',
      'Run experiments on landing pages, emails and pricing pages',
      'Report on what worked, what did not, and what we do next',
    ],
    requirements: [
      {
        text: '{years}+ years in B2B or B2C marketing with results you can show',
        skills: ['Copywriting'],
      },
      { text: 'SEO: keyword research, technical basics, and content briefs', skills: ['SEO'] },
      { text: 'A/B testing on landing pages and emails', skills: ['A/B Testing'] },
      { text: 'Comfortable with spreadsheets and marketing analytics', skills: ['Excel'] },
      { text: 'Experience with a website builder such as Webflow', skills: ['Webflow'] },
    ],
    niceToHave: [
      { text: 'Experience marketing to developers', skills: [] },
      { text: 'Basic HTML for email templates', skills: ['HTML'] },
      { text: 'Looker or another BI tool', skills: ['Looker'] },
    ],
    salaryUsd: [100_000, 135_000],
    hourlyUsd: [45, 75],
  },
];

/** Title prefixes per seniority; an empty prefix leaves the base title. */
export const SENIORITY_PREFIX = {
  junior: ['Junior ', 'Junior ', 'Associate '],
  mid: ['', '', ''],
  senior: ['Senior ', 'Senior ', 'Senior ', 'Sr. '],
  lead: ['Lead ', 'Staff '],
  principal: ['Principal '],
} as const;

export const YEARS_FOR = { junior: 1, mid: 3, senior: 5, lead: 7, principal: 10 } as const;

/** Salary relative to senior. */
export const SENIORITY_PAY = {
  junior: 0.62,
  mid: 0.8,
  senior: 1,
  lead: 1.18,
  principal: 1.32,
} as const;
