/** One page of each type, for checks that must hold on every kind of page. */
export const PAGE_TYPES = {
  overview: '',
  matrix: 'matrix/',
  party: 'parties/aws/',
  activity: 'activities/vmware-site-recovery-recovery-plans/',
  area: 'areas/vmc-on-aws-sddc-lifecycle/',
  'not found': '404.html',
} as const;
