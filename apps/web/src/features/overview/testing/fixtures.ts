import type { DashboardOverview } from '../api/get-dashboard-overview';

export const STAFF = {
  id: '7a3f1c2e-0000-4000-8000-000000000001',
  email: 'staff@example.org',
  name: 'Sara Staff',
  role: 'staff',
  donorId: null,
  active: true,
  lastSignInAt: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const JAPAN_ID = '862ec71a-21c3-4ddc-b98f-d5ae9886862c';
export const GREECE_ID = '9a1b2c3d-0000-4000-8000-000000000002';

export const DONOR = {
  ...STAFF,
  id: '7a3f1c2e-0000-4000-8000-000000000002',
  email: 'donor.japan@example.org',
  name: 'Japan Donor Liaison',
  role: 'donor',
  donorId: JAPAN_ID,
};

export const OVERVIEW: DashboardOverview = {
  ledger: {
    received: '179995053.54',
    committed: '80115000.00',
    transferred: '66521400.00',
    released: '0.00',
    available: '99880053.54',
  },
  pipeline: [
    { stage: 'active', projects: 10, requested: '15806000.00', approved: '15806000.00' },
    { stage: 'approved', projects: 3, requested: '4110000.00', approved: '4110000.00' },
    { stage: 'under_review', projects: 5, requested: '10416000.00', approved: '0.00' },
  ],
  countries: [
    { iso3: 'KEN', numeric: '404', name: 'Kenya', projects: 2, approved: '5000000.00', sids: false },
    { iso3: 'TUV', numeric: '798', name: 'Tuvalu', projects: 1, approved: '1200000.00', sids: true },
    { iso3: 'HTI', numeric: '332', name: 'Haiti', projects: 3, approved: '0.00', sids: true },
  ],
  contributionsByYear: [
    {
      year: 2024,
      donorId: JAPAN_ID,
      donor: 'Japan',
      donorCountryIso3: 'JPN',
      received: '6000000.00',
      pledged: '6000000.00',
      outstanding: '0.00',
    },
    {
      year: 2025,
      donorId: GREECE_ID,
      donor: 'Greece',
      donorCountryIso3: 'GRC',
      received: '100000.00',
      pledged: '100000.00',
      outstanding: '0.00',
    },
  ],
  approvalsByYear: [{ year: 2024, projects: 2, approved: '3000000.00' }],
  byRegion: [{ key: 'Africa', projects: 2, approved: '5000000.00' }],
  byDimension: [{ key: 'health', projects: 2, approved: '5000000.00' }],
  generatedAt: '2026-11-23T04:00:00.000Z',
};

export const LEDGER = {
  overall: OVERVIEW.ledger,
  byYear: [
    {
      year: 2024,
      received: '6000000.00',
      committed: '3000000.00',
      transferred: '1000000.00',
      released: '0.00',
      available: '3000000.00',
    },
    {
      year: 2025,
      received: '100000.00',
      committed: '0.00',
      transferred: '0.00',
      released: '0.00',
      available: '100000.00',
    },
  ],
};
