/** Fictional employers and the places, perks and clients the demo postings draw on. */

export type Region = 'US' | 'EU' | 'UK';
export type Ats = 'greenhouse' | 'lever' | 'ashby' | 'workable';
/** How a company works: mostly remote, mixed, or mostly in the office. */
export type WorkPolicy = 'remote-first' | 'hybrid' | 'office';
/** Which kinds of roles a company hires for. */
export type HiringGroup =
  'eng' | 'data' | 'design' | 'docs' | 'web' | 'product' | 'ops' | 'marketing';

export interface Company {
  name: string;
  /** Board token / site name at its applicant tracking system. */
  slug: string;
  industry: string;
  /** One sentence on what the company does, to open its postings. */
  about: string;
  region: Region;
  /** ISO 3166 alpha-2 of the headquarters. */
  country: string;
  /** Offices, headquarters first. */
  offices: readonly string[];
  ats: Ats;
  policy: WorkPolicy;
  hires: readonly HiringGroup[];
}

const PRODUCT: readonly HiringGroup[] = [
  'eng',
  'data',
  'design',
  'docs',
  'product',
  'ops',
  'marketing',
];
const AGENCY: readonly HiringGroup[] = ['eng', 'design', 'web', 'marketing'];

// prettier-ignore
export const COMPANIES: readonly Company[] = [
  // United States
  { name: 'Quillfern Health', slug: 'quillfernhealth', industry: 'Healthcare software', about: 'Quillfern Health runs care-coordination software for 900 independent clinics across 31 states.', region: 'US', country: 'US', offices: ['Boston, MA', 'Nashville, TN'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Tidewater Freightworks', slug: 'tidewaterfreight', industry: 'Logistics', about: 'Tidewater Freightworks matches less-than-truckload freight with 4,000 regional carriers.', region: 'US', country: 'US', offices: ['Chicago, IL'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Tallyroot', slug: 'tallyroot', industry: 'Fintech', about: 'Tallyroot does bookkeeping and payroll for 12,000 independent restaurants.', region: 'US', country: 'US', offices: ['Austin, TX'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Quillmark Legal', slug: 'quillmark', industry: 'Legal tech', about: 'Quillmark Legal builds contract-review software for in-house legal teams.', region: 'US', country: 'US', offices: ['New York, NY'], ats: 'ashby', policy: 'remote-first', hires: PRODUCT },
  { name: 'Cinderpath Games', slug: 'cinderpath', industry: 'Games', about: 'Cinderpath Games makes cozy multiplayer games for PC and consoles; our last title sold 2 million copies.', region: 'US', country: 'US', offices: ['Seattle, WA'], ats: 'lever', policy: 'hybrid', hires: ['eng', 'design', 'data'] },
  { name: 'Fernway Energy', slug: 'fernwayenergy', industry: 'Climate tech', about: 'Fernway Energy schedules home batteries and EV chargers against live grid prices for 60,000 households.', region: 'US', country: 'US', offices: ['Denver, CO', 'Oakland, CA'], ats: 'greenhouse', policy: 'remote-first', hires: PRODUCT },
  { name: 'Hollowpine Capital', slug: 'hollowpine', industry: 'Lending', about: 'Hollowpine Capital offers revenue-based financing to online merchants.', region: 'US', country: 'US', offices: ['New York, NY'], ats: 'lever', policy: 'office', hires: ['eng', 'data'] },
  { name: 'Stackwise Analytics', slug: 'stackwise', industry: 'B2B SaaS', about: 'Stackwise Analytics gives mid-market SaaS companies product analytics without a data team.', region: 'US', country: 'US', offices: ['San Francisco, CA'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Meadowlark Learning', slug: 'meadowlarklearning', industry: 'Education', about: 'Meadowlark Learning publishes a reading curriculum and assessments used in 3,000 US schools.', region: 'US', country: 'US', offices: ['Minneapolis, MN'], ats: 'greenhouse', policy: 'remote-first', hires: PRODUCT },
  { name: 'Copperline Fiber', slug: 'copperlinefiber', industry: 'Telecom', about: 'Copperline Fiber brings gigabit internet to 220 small towns in the Midwest.', region: 'US', country: 'US', offices: ['Columbus, OH'], ats: 'workable', policy: 'office', hires: ['eng', 'data'] },
  { name: 'Pallet & Pine', slug: 'palletandpine', industry: 'E-commerce', about: 'Pallet & Pine is a direct-to-consumer furniture brand shipping from two warehouses.', region: 'US', country: 'US', offices: ['Portland, OR'], ats: 'lever', policy: 'hybrid', hires: ['eng', 'data', 'design', 'web'] },
  { name: 'Kestrel Floorworks Robotics', slug: 'kestrelrobotics', industry: 'Robotics', about: 'Kestrel builds autonomous floor-cleaning robots for warehouses and airports.', region: 'US', country: 'US', offices: ['Pittsburgh, PA'], ats: 'greenhouse', policy: 'office', hires: ['eng', 'data', 'docs'] },
  { name: 'Pagerloft', slug: 'pagerloft', industry: 'Developer tools', about: 'Pagerloft is an incident-response platform used by 2,500 on-call teams.', region: 'US', country: 'US', offices: ['Remote'], ats: 'ashby', policy: 'remote-first', hires: PRODUCT },
  { name: 'Ridgeback Security', slug: 'ridgebacksecurity', industry: 'Cybersecurity', about: 'Ridgeback Security provides managed detection and response for community banks and credit unions.', region: 'US', country: 'US', offices: ['Arlington, VA'], ats: 'greenhouse', policy: 'hybrid', hires: ['eng', 'data', 'docs'] },
  { name: 'Saltbox Trips', slug: 'saltboxtrips', industry: 'Travel', about: 'Saltbox Trips books group travel for schools, choirs and sports teams.', region: 'US', country: 'US', offices: ['Miami, FL'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Orbitra Imaging', slug: 'orbitra', industry: 'Geospatial', about: 'Orbitra Imaging detects changes in satellite imagery for insurers and farm cooperatives.', region: 'US', country: 'US', offices: ['Boulder, CO'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Juniper Street Bank', slug: 'juniperstreetbank', industry: 'Banking', about: 'Juniper Street Bank is a 90-year-old community bank building its digital branch in-house.', region: 'US', country: 'US', offices: ['Charlotte, NC'], ats: 'workable', policy: 'office', hires: ['eng', 'data', 'design'] },
  { name: 'Lumenfield Media', slug: 'lumenfield', industry: 'Media', about: 'Lumenfield Media runs a network of 40 local newsrooms with a shared publishing platform.', region: 'US', country: 'US', offices: ['Philadelphia, PA'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Brambleworks', slug: 'brambleworks', industry: 'HR tech', about: 'Brambleworks schedules shifts for 700 hospitals and nursing homes.', region: 'US', country: 'US', offices: ['Minneapolis, MN'], ats: 'lever', policy: 'remote-first', hires: PRODUCT },
  { name: 'Verdant Grocers', slug: 'verdantgrocers', industry: 'Retail', about: 'Verdant Grocers is a regional chain of 64 grocery stores building its own delivery app.', region: 'US', country: 'US', offices: ['Atlanta, GA'], ats: 'workable', policy: 'office', hires: ['eng', 'data', 'design'] },
  { name: 'Stoopbox', slug: 'stoopbox', industry: 'Logistics', about: 'Stoopbox installs smart parcel lockers in 5,000 apartment buildings.', region: 'US', country: 'US', offices: ['Los Angeles, CA'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Tessellate Docs', slug: 'tessellatedocs', industry: 'AI', about: 'Tessellate Docs extracts data from loan files for 150 mortgage lenders.', region: 'US', country: 'US', offices: ['San Francisco, CA'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Wrenfield Clinical', slug: 'wrenfieldclinical', industry: 'Life sciences', about: 'Wrenfield Clinical makes the software 1,800 clinical-trial sites use to run their studies.', region: 'US', country: 'US', offices: ['Raleigh, NC'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Canopy Civic', slug: 'canopycivic', industry: 'Govtech', about: 'Canopy Civic builds permitting and licensing software for 260 city and county governments.', region: 'US', country: 'US', offices: ['Remote'], ats: 'greenhouse', policy: 'remote-first', hires: PRODUCT },
  { name: 'Driftwood Studio', slug: 'driftwoodstudio', industry: 'Design agency', about: 'Driftwood Studio is a 35-person design and development studio working with nonprofits and cultural institutions.', region: 'US', country: 'US', offices: ['Brooklyn, NY'], ats: 'workable', policy: 'hybrid', hires: AGENCY },
  { name: 'Alder & Finch', slug: 'alderandfinch', industry: 'Marketplace', about: 'Alder & Finch is a marketplace for 30,000 makers of handmade goods.', region: 'US', country: 'US', offices: ['Remote'], ats: 'lever', policy: 'remote-first', hires: ['eng', 'data', 'design', 'web'] },
  { name: 'Coldharbor Storage', slug: 'coldharbor', industry: 'Cloud infrastructure', about: 'Coldharbor Storage runs S3-compatible object storage at a third of the price of the big clouds.', region: 'US', country: 'US', offices: ['Seattle, WA'], ats: 'ashby', policy: 'remote-first', hires: ['eng', 'docs', 'data'] },
  { name: 'Mesa Verde Rentals', slug: 'mesaverderentals', industry: 'Proptech', about: 'Mesa Verde Rentals manages 80,000 rental units for independent landlords.', region: 'US', country: 'US', offices: ['Phoenix, AZ'], ats: 'greenhouse', policy: 'office', hires: PRODUCT },
  { name: 'Lanternfish', slug: 'lanternfish', industry: 'Developer tools', about: 'Lanternfish is an open-source feature-flag platform with a hosted tier used by 9,000 teams.', region: 'US', country: 'US', offices: ['Remote'], ats: 'ashby', policy: 'remote-first', hires: ['eng', 'docs', 'design'] },
  { name: 'Paperkite', slug: 'paperkite', industry: 'Nonprofit software', about: 'Paperkite gives 20,000 small nonprofits donor management, email and forms in one place.', region: 'US', country: 'US', offices: ['Remote'], ats: 'greenhouse', policy: 'remote-first', hires: PRODUCT },
  // European Union
  { name: 'Nordlicht Mobility', slug: 'nordlichtmobility', industry: 'Mobility', about: 'Nordlicht Mobility rents out e-bikes by monthly subscription in 14 German cities.', region: 'EU', country: 'DE', offices: ['Berlin, Germany', 'Hamburg, Germany'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Kanaalkoel Logistics', slug: 'kanaalkoel', industry: 'Logistics', about: 'Kanaalkoel moves temperature-controlled shipments across the Benelux for 400 food producers.', region: 'EU', country: 'NL', offices: ['Amsterdam, Netherlands'], ats: 'workable', policy: 'hybrid', hires: ['eng', 'data'] },
  { name: 'Azulejo Pay', slug: 'azulejopay', industry: 'Fintech', about: 'Azulejo Pay handles payment links and invoicing for 80,000 freelancers in Southern Europe.', region: 'EU', country: 'PT', offices: ['Lisbon, Portugal'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Skargard Data', slug: 'skargarddata', industry: 'Energy analytics', about: 'Skargard Data helps 3,000 housing cooperatives cut their heating bills with meter analytics.', region: 'EU', country: 'SE', offices: ['Stockholm, Sweden'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Hjertelig Health', slug: 'hjertelig', industry: 'Telehealth', about: 'Hjertelig Health connects patients with GPs over video in Denmark, Norway and Finland.', region: 'EU', country: 'DK', offices: ['Copenhagen, Denmark'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Weichenwerk', slug: 'weichenwerk', industry: 'Rail tech', about: 'Weichenwerk predicts failures of rail switches from sensor data for six European rail operators.', region: 'EU', country: 'DE', offices: ['Munich, Germany'], ats: 'greenhouse', policy: 'office', hires: ['eng', 'data', 'docs'] },
  { name: 'Cuisinette', slug: 'cuisinette', industry: 'Food tech', about: 'Cuisinette runs kitchen-management software for 1,100 restaurant groups in France and Belgium.', region: 'EU', country: 'FR', offices: ['Paris, France'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Tramuntana Villas', slug: 'tramuntanavillas', industry: 'Travel', about: 'Tramuntana Villas rents 2,400 holiday homes across the Balearic Islands.', region: 'EU', country: 'ES', offices: ['Barcelona, Spain', 'Palma, Spain'], ats: 'workable', policy: 'hybrid', hires: ['eng', 'design', 'web', 'data'] },
  { name: 'Polderwind Energy', slug: 'polderwind', industry: 'Energy trading', about: 'Polderwind Energy builds trading software for operators of wind and solar parks.', region: 'EU', country: 'NL', offices: ['Rotterdam, Netherlands'], ats: 'greenhouse', policy: 'hybrid', hires: ['eng', 'data'] },
  { name: 'Vistula Software House', slug: 'vistulasoftware', industry: 'Software consultancy', about: 'Vistula Software House is a 120-person consultancy building products for clients in Germany and the Nordics.', region: 'EU', country: 'PL', offices: ['Warsaw, Poland', 'Krakow, Poland'], ats: 'workable', policy: 'remote-first', hires: AGENCY },
  { name: 'Grunfeld Digital Insurance', slug: 'grunfelddigital', industry: 'Insurance', about: 'Grunfeld Digital Insurance sells pet and bicycle insurance online to 700,000 customers.', region: 'EU', country: 'DE', offices: ['Cologne, Germany'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Atelier Sept', slug: 'ateliersept', industry: 'Brand agency', about: 'Atelier Sept is a brand and digital studio for food, wine and hospitality brands.', region: 'EU', country: 'FR', offices: ['Paris, France', 'Lyon, France'], ats: 'workable', policy: 'office', hires: AGENCY },
  { name: 'Kalevala Games', slug: 'kalevalagames', industry: 'Mobile games', about: 'Kalevala Games makes puzzle games for phones with 4 million monthly players.', region: 'EU', country: 'FI', offices: ['Helsinki, Finland'], ats: 'lever', policy: 'hybrid', hires: ['eng', 'data', 'design'] },
  { name: 'Liffey Ledger', slug: 'liffeyledger', industry: 'Regtech', about: 'Liffey Ledger screens payments for money laundering on behalf of 90 payment institutions.', region: 'EU', country: 'IE', offices: ['Dublin, Ireland'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Sonnenhof Solar', slug: 'sonnenhofsolar', industry: 'Solar installation', about: 'Sonnenhof Solar plans and installs rooftop solar for 9,000 homes a year in southern Germany.', region: 'EU', country: 'DE', offices: ['Freiburg, Germany'], ats: 'greenhouse', policy: 'office', hires: ['eng', 'data', 'design', 'web'] },
  { name: 'Alameda Clinics', slug: 'alamedaclinics', industry: 'Healthcare', about: 'Alameda Clinics takes appointment bookings for 2,000 private clinics in Spain and Portugal.', region: 'EU', country: 'ES', offices: ['Madrid, Spain'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Brezelbrett Commerce', slug: 'brezelbrett', industry: 'E-commerce platform', about: 'Brezelbrett sells online ordering and delivery software to 1,500 bakeries in Austria and Germany.', region: 'EU', country: 'AT', offices: ['Vienna, Austria'], ats: 'workable', policy: 'hybrid', hires: ['eng', 'design', 'web'] },
  { name: 'Tulpenveld Data', slug: 'tulpenveld', industry: 'Data consultancy', about: 'Tulpenveld Data is a 40-person data consultancy for retailers and energy companies.', region: 'EU', country: 'NL', offices: ['Utrecht, Netherlands'], ats: 'ashby', policy: 'remote-first', hires: ['data', 'eng'] },
  // United Kingdom
  { name: 'Kittiwake Bank', slug: 'kittiwakebank', industry: 'Banking', about: 'Kittiwake Bank is a digital bank for 400,000 sole traders and small limited companies.', region: 'UK', country: 'GB', offices: ['London, UK'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Blackthorn Cover', slug: 'blackthorncover', industry: 'Insurtech', about: 'Blackthorn Cover insures vans and tools for 120,000 tradespeople.', region: 'UK', country: 'GB', offices: ['Leeds, UK'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Mersey Dockside Freight', slug: 'merseydockside', industry: 'Logistics', about: 'Mersey Dockside Freight books container haulage between UK ports and inland depots.', region: 'UK', country: 'GB', offices: ['Liverpool, UK'], ats: 'lever', policy: 'office', hires: ['eng', 'data'] },
  { name: 'Penrose Learning', slug: 'penroselearning', industry: 'Education', about: 'Penrose Learning runs maths tutoring online for 60,000 secondary-school pupils.', region: 'UK', country: 'GB', offices: ['Manchester, UK'], ats: 'ashby', policy: 'remote-first', hires: PRODUCT },
  { name: 'Heathfield Power', slug: 'heathfieldpower', industry: 'Energy supply', about: 'Heathfield Power supplies renewable electricity to 300,000 homes and sets prices by the half hour.', region: 'UK', country: 'GB', offices: ['Bristol, UK'], ats: 'greenhouse', policy: 'hybrid', hires: PRODUCT },
  { name: 'Calder Health', slug: 'calderhealth', industry: 'Healthcare software', about: 'Calder Health makes the appointment and triage software used by 1,400 GP practices.', region: 'UK', country: 'GB', offices: ['Edinburgh, UK', 'Glasgow, UK'], ats: 'lever', policy: 'hybrid', hires: PRODUCT },
  { name: 'Wharfside Audio', slug: 'wharfsideaudio', industry: 'Media', about: 'Wharfside Audio sells and places adverts in 6,000 independent podcasts.', region: 'UK', country: 'GB', offices: ['London, UK'], ats: 'ashby', policy: 'hybrid', hires: PRODUCT },
  { name: 'Inkwell Legal', slug: 'inkwelllegal', industry: 'Legal services', about: 'Inkwell Legal is a marketplace matching small businesses with fixed-fee solicitors.', region: 'UK', country: 'GB', offices: ['London, UK'], ats: 'workable', policy: 'hybrid', hires: ['eng', 'design', 'web'] },
  { name: 'Brackenridge Games', slug: 'brackenridge', industry: 'Games', about: 'Brackenridge Games is an independent studio making narrative adventure games.', region: 'UK', country: 'GB', offices: ['Dundee, UK'], ats: 'lever', policy: 'hybrid', hires: ['eng', 'design'] },
  { name: 'Sableway Retail', slug: 'sableway', industry: 'Retail', about: 'Sableway Retail sells outdoor clothing through 85 shops and an online store.', region: 'UK', country: 'GB', offices: ['Birmingham, UK'], ats: 'greenhouse', policy: 'office', hires: ['eng', 'data', 'design', 'web'] },
  { name: 'Cobblestone Lettings', slug: 'cobblestonelettings', industry: 'Proptech', about: 'Cobblestone Lettings runs online lettings for 15,000 London landlords.', region: 'UK', country: 'GB', offices: ['London, UK'], ats: 'workable', policy: 'hybrid', hires: ['eng', 'design', 'data'] },
  { name: 'Greyfriars Analytics', slug: 'greyfriarsanalytics', industry: 'Data consultancy', about: 'Greyfriars Analytics builds forecasting and reporting for NHS trusts and charities.', region: 'UK', country: 'GB', offices: ['Edinburgh, UK'], ats: 'ashby', policy: 'remote-first', hires: ['data', 'eng', 'docs'] },
];

export const CURRENCY_OF: Record<Region, string> = { US: 'USD', EU: 'EUR', UK: 'GBP' };

/** Salaries relative to a US salary in USD (a rough market difference, not an exchange rate). */
export const SALARY_FACTOR: Record<Region, number> = { US: 1, EU: 0.58, UK: 0.56 };

export const REMOTE_LOCATIONS: Record<Region, readonly string[]> = {
  US: [
    'Remote (US)',
    'Remote - United States',
    'Remote, US & Canada',
    'United States (Remote)',
    'Remote (US time zones)',
  ],
  EU: ['Remote (Europe)', 'Remote - EU', 'Remote (CET +/- 2 hours)', 'Europe (Remote)'],
  UK: ['Remote (UK)', 'United Kingdom - Remote', 'Remote (UK or Ireland)'],
};

export const WORLDWIDE_LOCATIONS: readonly string[] = [
  'Remote (Worldwide)',
  'Anywhere',
  'Remote (Americas or EMEA)',
];

export const BENEFITS: Record<Region, readonly string[]> = {
  US: [
    'Medical, dental and vision, with 100% of premiums covered for you and 80% for dependents',
    '401(k) with a 4% match that vests immediately',
    '$1,500 a year for books, courses and conferences',
    '16 weeks of fully paid parental leave',
    '$1,000 home-office stipend and a new laptop of your choice',
    'Flexible time off with a 15-day minimum we actually track',
    'Equity that vests over four years with a one-year cliff',
  ],
  EU: [
    '30 days of paid vacation plus public holidays',
    'Company pension scheme with a 5% employer contribution',
    '1,200 EUR yearly learning budget',
    'Public transport ticket or bike leasing',
    'Flexible hours and up to 6 weeks a year working from another EU country',
    'Virtual share options for every permanent employee',
  ],
  UK: [
    '25 days holiday plus bank holidays, rising to 28',
    'Pension with a 6% employer contribution',
    'Private medical insurance',
    'Cycle-to-work scheme and season-ticket loan',
    '1,000 GBP a year for learning',
    'Enhanced parental leave: 20 weeks at full pay',
  ],
};

export const HIRING_PROCESS: readonly string[] = [
  'Our process: a 30-minute call with the hiring manager, a paid take-home (three hours at most), and a final conversation with the team.',
  'Interviews: an intro call, a pairing session on a real problem from our codebase, and a chat about how you like to work.',
  'We reply to every application within a week. Three interviews, no whiteboard puzzles.',
  'Process: recruiter screen, technical conversation about a system you built, then meet the team. Usually done in two weeks.',
];

/** Small businesses and startups that post freelance work on Upwork (fictional). */
export interface FreelanceClientProfile {
  name: string;
  country: string;
  city: string;
  timezone: string;
}

// prettier-ignore
export const UPWORK_CLIENTS: readonly FreelanceClientProfile[] = [
  { name: 'Maple & Moss Candle Co.', country: 'United States', city: 'Asheville', timezone: 'America/New_York' },
  { name: 'Summit Ridge Dental', country: 'United States', city: 'Boise', timezone: 'America/Boise' },
  { name: 'Pixel Harbor Agency', country: 'United States', city: 'Tampa', timezone: 'America/New_York' },
  { name: 'Bluebonnet Realty Group', country: 'United States', city: 'San Antonio', timezone: 'America/Chicago' },
  { name: 'Crate & Kettle Coffee', country: 'United States', city: 'Portland', timezone: 'America/Los_Angeles' },
  { name: 'Nimbus Tutoring', country: 'United States', city: 'Raleigh', timezone: 'America/New_York' },
  { name: 'FitForge Studios', country: 'United States', city: 'Scottsdale', timezone: 'America/Phoenix' },
  { name: 'Ironclad Roofing', country: 'United States', city: 'Omaha', timezone: 'America/Chicago' },
  { name: 'Ledgerlight', country: 'United States', city: 'San Francisco', timezone: 'America/Los_Angeles' },
  { name: 'Shiftwell HR', country: 'United States', city: 'Denver', timezone: 'America/Denver' },
  { name: 'Trailhead Outfitters', country: 'Canada', city: 'Calgary', timezone: 'America/Edmonton' },
  { name: 'Northstar Physio', country: 'Canada', city: 'Toronto', timezone: 'America/Toronto' },
  { name: 'Velvet Fern Skincare', country: 'United Kingdom', city: 'Brighton', timezone: 'Europe/London' },
  { name: 'Redwood Legal Partners', country: 'United Kingdom', city: 'London', timezone: 'Europe/London' },
  { name: 'Saffron Table Catering', country: 'United Kingdom', city: 'Leicester', timezone: 'Europe/London' },
  { name: 'Kiwi Kids Academy', country: 'New Zealand', city: 'Auckland', timezone: 'Pacific/Auckland' },
  { name: 'Sunline Solar Installers', country: 'Australia', city: 'Brisbane', timezone: 'Australia/Brisbane' },
  { name: 'Paws & Whiskers Vet Clinic', country: 'Australia', city: 'Perth', timezone: 'Australia/Perth' },
  { name: 'Quantum Leap Marketing', country: 'United Arab Emirates', city: 'Dubai', timezone: 'Asia/Dubai' },
  { name: 'Fahrwerk Bikes', country: 'Germany', city: 'Leipzig', timezone: 'Europe/Berlin' },
  { name: 'Stonebridge Property Management', country: 'Ireland', city: 'Cork', timezone: 'Europe/Dublin' },
  { name: 'Driftless Data Co.', country: 'Netherlands', city: 'Eindhoven', timezone: 'Europe/Amsterdam' },
  { name: 'Tinkerbyte Labs', country: 'Israel', city: 'Tel Aviv', timezone: 'Asia/Jerusalem' },
  { name: 'Harbourline Tours', country: 'Singapore', city: 'Singapore', timezone: 'Asia/Singapore' },
  { name: 'Cobaltwave Software', country: 'Sweden', city: 'Gothenburg', timezone: 'Europe/Stockholm' },
  { name: 'Lotus Flow Yoga', country: 'United States', city: 'Austin', timezone: 'America/Chicago' },
  { name: 'Greenleaf Landscaping', country: 'United States', city: 'Columbus', timezone: 'America/New_York' },
  { name: 'Mosaic Care Startup', country: 'United States', city: 'New York', timezone: 'America/New_York' },
  { name: 'Atlas Moving & Storage', country: 'United States', city: 'Dallas', timezone: 'America/Chicago' },
  { name: 'Bramble & Bee Apiary', country: 'United Kingdom', city: 'York', timezone: 'Europe/London' },
];

export const SCREENING_QUESTIONS: readonly string[] = [
  'Describe your recent experience with similar projects.',
  'Please list any certifications related to this project.',
  'Include a link to your GitHub profile and/or website.',
  'What frameworks have you worked with?',
  'How would you approach the first week of this project?',
  'What questions do you have about the project?',
  'Describe a bug you were proud to find and fix.',
  'Which time zone are you in, and how many hours overlap with ours can you offer?',
];

/** HN usernames for "Who is hiring" comments (invented). */
export const HN_USERS: readonly string[] = [
  'kestrel_jo',
  'mtpark',
  'dsfeld',
  'hiring_at_fern',
  'amaraq',
  'lwinters',
  'tobias_k',
  'pgrant',
  'nadiaco',
  'jsvensson',
  'r_okafor',
  'emmatl',
  'chenwei',
  'bricolage',
  'samhollis',
];
