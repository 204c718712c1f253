import type { ContactRole, MemberRole, Segment } from '../../core/people.ts';

// The vocabulary the generator draws from: made up, but shaped like a real B2B vendor's book of customers.

export const PRODUCTS = ['Core Platform', 'Analytics', 'Integrations Hub', 'Mobile', 'Workflow Automation'] as const;

export interface Industry {
  name: string;
  /** Turns a root word ("Bluewater") into a company name ("Bluewater Freight"). */
  names: ((root: string) => string)[];
  tld: string;
  /** Titles that only this industry uses, by contact role. */
  titles?: Partial<Record<ContactRole, string[]>>;
  /** Departments that become organizations inside the account. */
  departments: string[];
}

const suffixes = (...words: string[]) => words.map((word) => (root: string) => `${root} ${word}`);

export const INDUSTRIES: Industry[] = [
  {
    name: 'Retail',
    names: suffixes('Outfitters', 'Market', 'Home Goods', 'Apparel', 'Grocers', 'Stores', 'Supply Co.', 'Brands'),
    tld: 'com',
    titles: { champion: ['Director of Store Operations', 'Head of E-commerce'], end_user: ['Store Manager', 'Merchandising Analyst'] },
    departments: ['E-commerce', 'Store Operations', 'Distribution Centers', 'Loyalty Program'],
  },
  {
    name: 'Healthcare',
    names: suffixes('Health', 'Medical Group', 'Clinics', 'Care Partners', 'Health System', 'Diagnostics'),
    tld: 'org',
    titles: {
      champion: ['Director of Clinical Operations', 'Patient Experience Lead'],
      executive_sponsor: ['Chief Medical Information Officer', 'Chief Nursing Officer'],
      end_user: ['Nurse Manager', 'Care Coordinator', 'Practice Manager'],
    },
    departments: ['Radiology', 'Outpatient Clinics', 'Revenue Cycle', 'Cardiology'],
  },
  {
    name: 'Financial services',
    names: suffixes('Capital', 'Bank', 'Credit Union', 'Financial', 'Insurance', 'Wealth Partners'),
    tld: 'com',
    titles: {
      executive_sponsor: ['Chief Risk Officer', 'Chief Financial Officer'],
      end_user: ['Loan Officer', 'Compliance Analyst', 'Relationship Manager'],
    },
    departments: ['Commercial Lending', 'Wealth Management', 'Compliance', 'Retail Banking'],
  },
  {
    name: 'Manufacturing',
    names: suffixes('Manufacturing', 'Industries', 'Components', 'Fabrication', 'Machine Works', 'Plastics'),
    tld: 'com',
    titles: {
      champion: ['Plant Operations Manager', 'Director of Continuous Improvement'],
      end_user: ['Production Planner', 'Quality Engineer', 'Shift Supervisor'],
    },
    departments: ['Plant 2', 'Quality Assurance', 'Procurement', 'Aftermarket Service'],
  },
  {
    name: 'Logistics',
    names: suffixes('Freight', 'Logistics', 'Shipping', 'Transport', 'Distribution', 'Cargo'),
    tld: 'com',
    titles: { champion: ['Director of Fleet Operations'], end_user: ['Dispatcher', 'Warehouse Supervisor', 'Route Planner'] },
    departments: ['Warehousing', 'Last Mile', 'Cross-border', 'Fleet Maintenance'],
  },
  {
    name: 'Education',
    names: [
      (root) => `${root} University`,
      (root) => `${root} College`,
      (root) => `${root} Academy`,
      (root) => `${root} School District`,
      (root) => `${root} Learning`,
    ],
    tld: 'edu',
    titles: {
      champion: ['Director of Digital Learning', 'Dean of Online Programs'],
      executive_sponsor: ['Provost', 'Chief Academic Officer'],
      end_user: ['Instructional Designer', 'Registrar', 'Academic Advisor'],
    },
    departments: ['School of Business', 'Continuing Education', 'Admissions', 'Student Services'],
  },
  {
    name: 'SaaS',
    names: suffixes('Software', 'Labs', 'Cloud', 'Analytics', 'Systems', 'AI'),
    tld: 'io',
    titles: { champion: ['Head of RevOps', 'Director of Customer Success'], end_user: ['Solutions Engineer', 'Support Lead'] },
    departments: ['Customer Support', 'RevOps', 'EMEA Sales', 'Product'],
  },
  {
    name: 'Public sector',
    names: [
      (root) => `${root} County`,
      (root) => `City of ${root}`,
      (root) => `${root} Transit Authority`,
      (root) => `${root} Water District`,
    ],
    tld: 'gov',
    titles: {
      champion: ['Deputy Director of IT', 'Digital Services Manager'],
      executive_sponsor: ['County Administrator', 'Chief Information Officer'],
      end_user: ['Case Worker', 'Permit Technician', 'Program Coordinator'],
    },
    departments: ['Public Works', 'Parks and Recreation', 'Social Services', 'Permitting'],
  },
  {
    name: 'Hospitality',
    names: suffixes('Hotels', 'Resorts', 'Hospitality Group', 'Restaurants'),
    tld: 'com',
    titles: { end_user: ['Front Office Manager', 'Revenue Manager', 'General Manager'] },
    departments: ['Resorts Division', 'Food and Beverage', 'Corporate Events'],
  },
  {
    name: 'Energy',
    names: suffixes('Energy', 'Power', 'Utilities', 'Renewables'),
    tld: 'com',
    titles: { end_user: ['Field Technician', 'Grid Operations Analyst', 'Asset Manager'] },
    departments: ['Field Services', 'Solar Division', 'Grid Operations'],
  },
];

export const ROOTS = [
  'Bluewater', 'Cedar', 'Granite', 'Harbor', 'Summit', 'Redwood', 'Pinnacle', 'Northgate', 'Ironbridge', 'Silverline',
  'Lakeshore', 'Oakridge', 'Brightwater', 'Crescent', 'Evergreen', 'Foxhall', 'Goldfield', 'Highland', 'Keystone', 'Lantern',
  'Maple', 'Meridian', 'Northstar', 'Orchard', 'Prairie', 'Quarry', 'Riverbend', 'Sagebrush', 'Stonegate', 'Tidewater',
  'Union', 'Valley', 'Westbrook', 'Willow', 'Yellowstone', 'Aspen', 'Beacon', 'Bramble', 'Canyon', 'Clearwater',
  'Copper', 'Driftwood', 'Eastport', 'Fairview', 'Falcon', 'Glacier', 'Hawthorne', 'Juniper', 'Kingsley', 'Larkspur',
  'Mariner', 'Millbrook', 'Monarch', 'Newhaven', 'Oakmont', 'Pacifica', 'Pinewood', 'Redstone', 'Rockport', 'Sable',
  'Seaside', 'Sierra', 'Southfield', 'Sterling', 'Sunridge', 'Thornbury', 'Trailhead', 'Vantage', 'Whitestone', 'Wildrose',
  'Ashford', 'Birchwood', 'Blackrock', 'Bridgewater', 'Cobalt', 'Coral', 'Cypress', 'Elmstead', 'Emerald', 'Fernhill',
  'Frontier', 'Gateway', 'Greystone', 'Hampton', 'Heritage', 'Horizon', 'Ironwood', 'Kestrel', 'Lighthouse', 'Linden',
  'Magnolia', 'Mesa', 'Midland', 'Mosaic', 'Northwood', 'Oceanic', 'Osprey', 'Parkside', 'Pioneer', 'Quartz',
  'Rainier', 'Ravenwood', 'Ridgeline', 'Rosewood', 'Saltmarsh', 'Shoreline', 'Silverton', 'Skyline', 'Spruce', 'Stillwater',
  'Sycamore', 'Tamarack', 'Timberline', 'Topaz', 'Tristate', 'Verdant', 'Waverly', 'Whitfield', 'Windham', 'Zephyr',
];

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Amara', 'Mateo', 'Sofia', 'Ethan', 'Priya', 'Lucas', 'Chloe', 'Diego', 'Hannah',
  'Kenji', 'Isabel', 'Omar', 'Grace', 'Rafael', 'Leah', 'Samuel', 'Aisha', 'Daniel', 'Mei', 'Julian', 'Zoe', 'Arjun',
  'Nora', 'Gabriel', 'Fatima', 'Owen', 'Camila', 'Marcus', 'Elena', 'Tomas', 'Ruth', 'Victor', 'Yuki', 'Andre', 'Claire',
  'Femi', 'Laura', 'Hugo', 'Ingrid', 'Kwame', 'Maya', 'Patrick', 'Rosa', 'Stefan', 'Tessa', 'Wei', 'Alicia', 'Ben',
  'Carmen', 'David', 'Erin', 'Felix', 'Gloria', 'Hassan', 'Ivy', 'Jonah', 'Keisha', 'Leon', 'Monica', 'Nikhil', 'Paula',
  'Rohan', 'Sara', 'Theo', 'Uma', 'Vera', 'Will', 'Ximena', 'Yasmin', 'Zach', 'Bianca', 'Connor', 'Dalia', 'Emeka',
];

export const LAST_NAMES = [
  'Garcia', 'Chen', 'Okafor', 'Smith', 'Patel', 'Johansson', 'Nguyen', 'Kowalski', 'Rossi', 'Haddad', 'Murphy', 'Tanaka',
  'Silva', 'Mensah', 'Fischer', 'Dubois', 'Kim', 'Novak', 'Reyes', 'Schmidt', 'Campbell', 'Ali', 'Bennett', 'Castillo',
  'Dawson', 'Ellis', 'Fernandes', 'Gupta', 'Hughes', 'Ivanova', 'Jensen', 'Khan', 'Larsen', 'Moreau', 'Nakamura', "O'Brien",
  'Park', 'Quinn', 'Ramirez', 'Sato', 'Thompson', 'Usman', 'Vasquez', 'Walker', 'Xu', 'Young', 'Zimmerman', 'Abbott',
  'Brooks', 'Cohen', 'Diaz', 'Eriksen', 'Foster', 'Grant', 'Hayes', 'Ibrahim', 'Jordan', 'Keller', 'Lopez', 'Mitchell',
  'Nilsson', 'Ortiz', 'Price', 'Russo', 'Shah', 'Turner', 'Vogel', 'Ward', 'Yilmaz', 'Zhang', 'Adeyemi', 'Becker',
];

export const GENERIC_TITLES: Record<ContactRole, string[]> = {
  executive_sponsor: ['Chief Operating Officer', 'VP of Operations', 'Chief Information Officer', 'VP of Customer Experience', 'Chief Digital Officer'],
  champion: ['Director of Operations', 'Head of Digital Transformation', 'Operations Manager', 'Director of Business Systems'],
  project_lead: ['Project Manager', 'IT Program Manager', 'Implementation Lead', 'PMO Lead'],
  admin: ['Systems Administrator', 'IT Manager', 'Business Systems Analyst', 'Platform Administrator'],
  super_user: ['Power User', 'Operations Lead', 'Team Trainer', 'Senior Analyst'],
  end_user: ['Operations Analyst', 'Team Lead', 'Coordinator', 'Specialist', 'Account Manager', 'Data Analyst'],
};

/** Where customers sit, weighted towards North America as a US vendor's book would be. */
export const TIMEZONES: [string, number][] = [
  ['America/New_York', 30],
  ['America/Chicago', 18],
  ['America/Denver', 6],
  ['America/Los_Angeles', 16],
  ['America/Toronto', 5],
  ['Europe/London', 8],
  ['Europe/Berlin', 5],
  ['Europe/Paris', 4],
  ['Asia/Singapore', 3],
  ['Australia/Sydney', 3],
  ['America/Sao_Paulo', 2],
];

export const CONTRACT_VALUE: Record<Segment, { min: number; max: number; step: number }> = {
  smb: { min: 5_000, max: 25_000, step: 500 },
  mid_market: { min: 30_000, max: 120_000, step: 1_000 },
  enterprise: { min: 150_000, max: 1_200_000, step: 5_000 },
};

/** The vendor's team in the demo workspace (the admin comes first). */
export const DEMO_TEAM: { name: string; role: MemberRole }[] = [
  { name: 'Dana Whitfield', role: 'admin' },
  { name: 'Marco Alvarez', role: 'onboarding_manager' },
  { name: 'Priya Raman', role: 'onboarding_manager' },
  { name: 'Jordan Lee', role: 'onboarding_manager' },
  { name: 'Sam Okoro', role: 'implementation_manager' },
  { name: 'Hannah Becker', role: 'csm' },
  { name: 'Luis Ortega', role: 'csm' },
  { name: 'Rachel Kim', role: 'sales' },
  { name: 'Tom Fletcher', role: 'sales' },
  { name: 'Aiko Tanaka', role: 'education' },
  { name: 'Grace Morgan', role: 'leader' },
];
