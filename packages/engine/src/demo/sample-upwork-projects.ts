/** Freelance project templates for Upwork-style posts, written in a client's voice. */

export type ContractPreference = 'fixed' | 'hourly' | 'either';

export interface UpworkProject {
  id: string;
  weight: number;
  /** Upwork category (occupations.category.prefLabel). */
  category: string;
  titles: readonly string[];
  /** Opening sentences: who the client is and what is wrong. */
  openings: readonly string[];
  deliverables: readonly string[];
  /** The first skills are always listed; the rest are sampled. */
  skills: readonly string[];
  extraSkills: readonly string[];
  contract: ContractPreference;
  /** Fixed budget in USD, for an intermediate freelancer. */
  budget: readonly [number, number];
  /** Hourly range in USD, for an intermediate freelancer. */
  hourly: readonly [number, number];
  levels: readonly ('entry' | 'intermediate' | 'expert')[];
}

export const UPWORK_PROJECTS: readonly UpworkProject[] = [
  {
    id: 'node-api',
    weight: 7,
    category: 'Web Development',
    titles: [
      'Senior Node.js Developer for payment API integration',
      'TypeScript/Node.js backend developer to build a REST API',
      'Node.js developer to fix memory leak in Express API',
      'Build a webhook ingestion service with Node.js and PostgreSQL',
      'Node.js Developer for Stripe + QuickBooks sync',
      'Backend engineer (Node.js, AWS Lambda) for ongoing work',
    ],
    openings: [
      'We are a small SaaS for dental practices. Our Express API started leaking memory after we added PDF exports and now restarts every few hours.',
      'I run a booking platform for tour operators and need payments from Stripe to land in our PostgreSQL database and our accounting system without double counting.',
      'We have a working MVP built by a previous contractor. The backend is Node.js with TypeScript but has no tests and deploys by hand.',
      'Our partners send us about 50,000 webhooks a day and we lose some of them during deploys. We need a proper ingestion service with a queue.',
      'We are a two-person startup with a React front end and need an experienced backend developer to design and build our API.',
    ],
    deliverables: [
      'Design the API endpoints and document them (OpenAPI is fine)',
      'Implement the service in TypeScript on Node.js',
      'PostgreSQL schema and migrations',
      'Retry logic and idempotency so nothing is processed twice',
      'Automated tests and a GitHub Actions pipeline',
      'Deploy to our AWS account (we use ECS and RDS)',
      'A short handover call and written notes',
      'Find and fix the memory leak, and explain the cause',
    ],
    skills: ['Node.js', 'TypeScript'],
    extraSkills: ['PostgreSQL', 'REST APIs', 'AWS', 'Docker', 'Redis', 'Kafka', 'Testing'],
    contract: 'either',
    budget: [1500, 6000],
    hourly: [45, 85],
    levels: ['intermediate', 'expert', 'expert'],
  },
  {
    id: 'fullstack-saas',
    weight: 6,
    category: 'Web Development',
    titles: [
      'Full-stack developer (React + Node.js) for SaaS MVP',
      'Next.js + PostgreSQL developer to finish our dashboard',
      'Full-Stack Engineer to add Stripe billing to our SaaS',
      'Senior Full-Stack Developer for multi-tenant B2B app',
      'React/Node developer for ongoing feature work',
    ],
    openings: [
      'We are building a scheduling tool for physiotherapy clinics. Designs are done in Figma and about 40% of the app is built.',
      'Our SaaS has 300 paying customers and we need to move from one plan to usage-based billing.',
      'I am a non-technical founder with validated demand and a clickable prototype. I need someone to build the first real version.',
      'We have an internal admin dashboard that our operations team hates. It needs new screens, search that works, and proper permissions.',
    ],
    deliverables: [
      'Front end in React with TypeScript, matching our Figma designs',
      'API in Node.js with authentication and role-based access',
      'PostgreSQL database design',
      'Stripe subscriptions and invoices',
      'Deployment on Vercel and AWS with staging and production',
      'Weekly demo calls',
      'Clean code with tests we can maintain after you',
    ],
    skills: ['React', 'Node.js', 'TypeScript'],
    extraSkills: ['Next.js', 'PostgreSQL', 'AWS', 'Tailwind CSS', 'GraphQL', 'REST APIs'],
    contract: 'either',
    budget: [3000, 12000],
    hourly: [40, 80],
    levels: ['intermediate', 'expert'],
  },
  {
    id: 'react-frontend',
    weight: 5,
    category: 'Web Development',
    titles: [
      'React developer to convert Figma designs into responsive pages',
      'React/TypeScript frontend developer for admin panel',
      'Fix performance issues in our React app',
      'Frontend developer to build a component library in React',
    ],
    openings: [
      'We have 14 screens designed in Figma for our customer portal and need them built in React.',
      'Our React app takes 9 seconds to load on mobile. We need someone to find out why and fix it.',
      'We are a small agency and need help with a client project: a marketing site plus a logged-in area.',
    ],
    deliverables: [
      'Pixel-accurate, responsive pages from Figma',
      'Reusable components with Storybook',
      'Connect the pages to our existing REST API',
      'Lighthouse score above 90 on mobile',
      'Accessibility basics: keyboard navigation and labels',
    ],
    skills: ['React', 'CSS'],
    extraSkills: ['TypeScript', 'HTML', 'Tailwind CSS', 'Next.js', 'JavaScript', 'Accessibility'],
    contract: 'either',
    budget: [800, 4000],
    hourly: [30, 60],
    levels: ['entry', 'intermediate', 'expert'],
  },
  {
    id: 'wordpress',
    weight: 8,
    category: 'Web Development',
    titles: [
      'WordPress developer to fix slow WooCommerce checkout',
      'Build a custom WordPress theme from Figma designs',
      'WordPress site migration and speed optimization',
      'Elementor site cleanup and plugin conflicts',
      'Ongoing WordPress maintenance for 6 small business sites',
    ],
    openings: [
      'Our WooCommerce store takes 8 seconds to load the checkout page and we are losing sales.',
      'We are a dental practice with an old WordPress site that looks dated and is not mobile friendly.',
      'We need to move our WordPress site to new hosting without losing SEO rankings.',
      'After a plugin update our site shows a white screen on some pages and the contact form stopped sending emails.',
    ],
    deliverables: [
      'Audit plugins and remove what we do not need',
      'Custom theme built from our Figma file',
      'Page speed improvements (Core Web Vitals green)',
      'Migration with zero downtime and working redirects',
      'Basic on-page SEO',
      'A short video showing us how to edit pages',
    ],
    skills: ['WordPress'],
    extraSkills: ['PHP', 'CSS', 'HTML', 'SEO', 'JavaScript', 'MySQL'],
    contract: 'either',
    budget: [250, 2000],
    hourly: [18, 40],
    levels: ['entry', 'intermediate', 'intermediate'],
  },
  {
    id: 'shopify',
    weight: 7,
    category: 'Web Development',
    titles: [
      'Shopify expert for theme customization (Dawn)',
      'Shopify store setup for a skincare brand',
      'Custom Shopify app for subscription bundles',
      'Shopify developer to speed up our store',
    ],
    openings: [
      'We sell handmade candles and are moving from Etsy to our own Shopify store.',
      'Our Shopify theme has been edited by three different freelancers and things are breaking.',
      'We want customers to build their own bundles of 3 to 6 products with a discount, without yet another paid app.',
    ],
    deliverables: [
      'Theme customization in Liquid',
      'Product page and collection page redesign',
      'Bundle builder with automatic discounts',
      'Speed optimization and app cleanup',
      'Set up shipping rules and taxes',
    ],
    skills: ['Shopify'],
    extraSkills: ['JavaScript', 'CSS', 'HTML', 'GraphQL', 'Node.js'],
    contract: 'either',
    budget: [300, 3000],
    hourly: [22, 50],
    levels: ['entry', 'intermediate', 'expert'],
  },
  {
    id: 'mobile',
    weight: 4,
    category: 'Mobile Development',
    titles: [
      'Flutter developer for iOS/Android booking app',
      'React Native developer to fix crashes and publish to the App Store',
      'iOS developer (Swift) to add in-app purchases',
    ],
    openings: [
      'We have a fitness studio booking app in React Native that crashes on Android 14 and got rejected by Apple.',
      'We need a simple app for our yoga studio: class schedule, bookings and push reminders.',
      'Our Flutter app is 80% done but the previous developer disappeared.',
    ],
    deliverables: [
      'Fix the crashes and publish to both stores',
      'Push notifications',
      'In-app purchases and subscriptions',
      'Offline support for the class schedule',
      'Source code in our GitHub repository',
    ],
    skills: ['iOS', 'Android'],
    extraSkills: ['React Native', 'Flutter', 'Swift', 'TypeScript'],
    contract: 'either',
    budget: [2000, 10000],
    hourly: [30, 70],
    levels: ['intermediate', 'expert'],
  },
  {
    id: 'devops',
    weight: 4,
    category: 'IT & Networking',
    titles: [
      'AWS DevOps engineer to set up CI/CD and Terraform',
      'Dockerize and deploy our Django app to AWS ECS',
      'Kubernetes cost optimization consultant',
      'DevOps help: GitHub Actions pipeline for a monorepo',
    ],
    openings: [
      'Our infrastructure was clicked together in the AWS console two years ago and nobody dares to touch it.',
      'Our AWS bill is 14,000 USD a month and we think half of it is waste.',
      'We deploy by SSH-ing into a server and running git pull. We want to stop doing that.',
    ],
    deliverables: [
      'Terraform for our existing AWS resources',
      'CI/CD pipeline with staging and production',
      'Dockerfiles and ECS or EKS setup',
      'Monitoring and alerting',
      'Cost report with concrete savings',
      'Documentation and a handover session',
    ],
    skills: ['AWS', 'Docker'],
    extraSkills: ['Terraform', 'CI/CD', 'Kubernetes', 'Linux'],
    contract: 'hourly',
    budget: [1500, 6000],
    hourly: [45, 95],
    levels: ['intermediate', 'expert'],
  },
  {
    id: 'data-analysis',
    weight: 6,
    category: 'Data Science & Analytics',
    titles: [
      'Power BI dashboard for sales data',
      'Excel expert to clean and automate monthly reports',
      'Data analyst for Shopify and GA4 cohort analysis',
      'Build a Tableau dashboard from our SQL database',
    ],
    openings: [
      'Every month I spend two days copying numbers from our CRM into Excel to make a report for the owners.',
      'We have three years of sales data and want to understand which customers come back and why.',
      'We need a dashboard the management team can open on Monday morning and understand in two minutes.',
    ],
    deliverables: [
      'Clean and combine the data sources',
      'A dashboard with filters by region and product',
      'Automated refresh',
      'A short written summary of findings',
      'Documentation of every metric',
    ],
    skills: ['Excel'],
    extraSkills: ['Power BI', 'SQL', 'Tableau', 'Statistics', 'Python'],
    contract: 'fixed',
    budget: [200, 1500],
    hourly: [20, 45],
    levels: ['entry', 'intermediate'],
  },
  {
    id: 'data-pipeline',
    weight: 3,
    category: 'Data Science & Analytics',
    titles: [
      'Python developer to build a scraper and data pipeline',
      'Airflow + dbt pipeline into Snowflake',
      'Data engineer to sync our Postgres to BigQuery',
    ],
    openings: [
      'We collect prices from 40 supplier websites by hand every week.',
      'Our analysts query the production database directly and it slows the app down.',
    ],
    deliverables: [
      'Pipelines that run daily and alert on failure',
      'dbt models with tests',
      'Documentation of the data model',
      'Deployment on our cloud account',
    ],
    skills: ['Python', 'SQL'],
    extraSkills: ['Airflow', 'dbt', 'Snowflake', 'BigQuery', 'PostgreSQL'],
    contract: 'either',
    budget: [800, 5000],
    hourly: [30, 75],
    levels: ['intermediate', 'expert'],
  },
  {
    id: 'llm-app',
    weight: 5,
    category: 'AI & Machine Learning',
    titles: [
      'Build an LLM chatbot over our help-center docs',
      'AI engineer to add GPT-powered summaries to our app',
      'ML engineer to fine-tune a classifier for support tickets',
      'RAG pipeline with Python and a vector database',
    ],
    openings: [
      'We have 600 help-center articles and our support team answers the same questions all day.',
      'We want our users to get a one-paragraph summary of each uploaded contract.',
      'We tag 2,000 support tickets a week by hand and want a model to do the first pass.',
    ],
    deliverables: [
      'A working prototype we can test with real users',
      'Evaluation set and accuracy report',
      'API endpoint we can call from our app',
      'Cost estimate per 1,000 requests',
      'Guardrails against made-up answers',
    ],
    skills: ['Python', 'LLMs'],
    extraSkills: ['Machine Learning', 'FastAPI', 'PyTorch', 'Node.js', 'TypeScript'],
    contract: 'either',
    budget: [1500, 8000],
    hourly: [40, 100],
    levels: ['intermediate', 'expert'],
  },
  {
    id: 'ui-ux',
    weight: 5,
    category: 'Design & Creative',
    titles: [
      'UI/UX designer for fintech mobile app',
      'Redesign onboarding flow of B2B SaaS in Figma',
      'Product designer for MVP wireframes and prototype',
      'Landing page design for a new app',
    ],
    openings: [
      'We are launching a budgeting app for freelancers and need the main flows designed.',
      'Our onboarding loses 60% of signups. We have the analytics and need a designer to rethink it.',
      'I have an idea and a list of features. I need wireframes and a clickable prototype to show investors.',
    ],
    deliverables: [
      'User flows and wireframes',
      'High-fidelity screens in Figma',
      'Clickable prototype',
      'A small design system (colors, type, components)',
      'Developer handoff',
    ],
    skills: ['Figma', 'UI Design'],
    extraSkills: ['UX Design', 'Prototyping', 'Design Systems', 'Adobe XD'],
    contract: 'either',
    budget: [500, 5000],
    hourly: [25, 70],
    levels: ['entry', 'intermediate', 'expert'],
  },
  {
    id: 'branding',
    weight: 5,
    category: 'Design & Creative',
    titles: [
      'Logo and brand identity for a specialty coffee roaster',
      'Brand refresh and packaging design for a candle company',
      'Brand guidelines for a growing physiotherapy clinic',
    ],
    openings: [
      'We are opening our second cafe and our logo was made on Canva in an afternoon.',
      'Our products are in 40 shops now and the packaging needs to look as good as the product.',
    ],
    deliverables: [
      'Logo with variations',
      'Color palette and typography',
      'Packaging design for 3 products',
      'Brand guidelines PDF',
      'Social media templates',
    ],
    skills: ['Branding'],
    extraSkills: ['Illustrator', 'Photoshop', 'Figma'],
    contract: 'fixed',
    budget: [150, 2500],
    hourly: [20, 55],
    levels: ['entry', 'intermediate', 'expert'],
  },
  {
    id: 'tech-writing',
    weight: 3,
    category: 'Writing',
    titles: [
      'Technical writer for REST API documentation',
      'Write developer tutorials about our SDK',
      'Technical blog posts about Kubernetes and DevOps',
    ],
    openings: [
      'Our API docs are auto-generated and developers keep emailing us the same questions.',
      'We need four in-depth tutorials a month for our developer blog.',
    ],
    deliverables: [
      'Getting-started guide',
      'Reference pages for 30 endpoints',
      'Code samples in JavaScript and Python',
      'Four tutorials of 1,500 to 2,500 words',
    ],
    skills: ['Copywriting'],
    extraSkills: ['REST APIs', 'Git', 'SEO', 'JavaScript', 'Kubernetes'],
    contract: 'either',
    budget: [300, 3000],
    hourly: [30, 70],
    levels: ['intermediate', 'expert'],
  },
];

/** Upwork duration labels and the GraphQL enum each comes from. */
export const UPWORK_DURATIONS: readonly { label: string; enum: string }[] = [
  { label: 'Less than 1 month', enum: 'WEEK' },
  { label: '1 to 3 months', enum: 'MONTH' },
  { label: '3 to 6 months', enum: 'QUARTER' },
  { label: 'More than 6 months', enum: 'SEMESTER' },
];

export const UPWORK_WORKLOADS: readonly string[] = [
  'Less than 30 hrs/week',
  'Less than 30 hrs/week',
  '30+ hrs/week',
  'Not sure',
];

export const UPWORK_CLOSINGS: readonly string[] = [
  'Please share links to similar work you have done.',
  'To show you read this, start your proposal with the word "lighthouse".',
  'Only apply if you can start this week.',
  'No agencies, please. I want to work with one person directly.',
  'Tell me how you would approach this and roughly how long it would take.',
  'Long-term work is possible for the right person.',
];
