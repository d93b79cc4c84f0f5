import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/readers/index.ts';

const path = 'content/vmware-site-recovery.md';
const { model, file } = parseModel(new VFile({ path, value: readFileSync(path) }));

/** The seed's matrix, group by group: its first group is the customer's, then VMware's, then AWS's. */
const SEED: Record<string, Record<string, string[]>> = {
  customer: {
    'Deploying Software-Defined Data Centers (SDDCs) – Recovery Site': [
      'Host Type & Count / Cluster Config',
      'Connected AWS Account (Cloud)',
      'Management Network Range',
    ],
    'Configuring SDDC Network & Security': [
      'Network Segments',
      'Public IP addresses',
      'NAT',
      'Firewalls',
      'Access Control',
    ],
    'Protected Site(s)': ['Firewalls', 'Network Segments', 'Role-Based Access Control'],
    'VMware Site Recovery': [
      'Protection Groups',
      'Protected Site vCenter Configuration',
      'Recovery Plans',
      'Role-based access control / Authentication',
    ],
    'SRM & VR Lifecycle (On-premises)': ['Software deployment, updates, and upgrades'],
    'Physical Infrastructure (On-premises)': [
      'Compute / Network / Storage',
      'Network Connection to AWS Cloud',
    ],
  },
  vmware: {
    'SRM & VR Lifecycle (Cloud)': ['Software updates and upgrades'],
    'VMC on AWS SDDC Lifecycle': ['vSphere', 'vSAN', 'NSX'],
    '': ['Monitoring & Operations of SRM & VR (Cloud)'],
  },
  aws: {
    'Physical Infrastructure': [
      'AWS Regions',
      'AWS Availability Zones',
      'Physical security of AWS facilities',
    ],
    'Compute / Network / Storage': [
      'Rack and Power Bare Metal Hosts (i.e. i3.metal and i3en.metal)',
      'Rack and Power Network Equipment',
    ],
  },
};

describe('the VMware Site Recovery content', () => {
  it('should parse without any message', () => {
    expect(file.messages.map(String)).toEqual([]);
  });

  it('should declare the three parties in column order', () => {
    expect(model?.parties.map((party) => [party.id, party.name, party.short])).toEqual([
      ['customer', 'Customer', undefined],
      ['vmware', 'VMware', undefined],
      ['aws', 'Amazon Web Services', 'AWS'],
    ]);
  });

  it('should hold all 28 activities of the seed, each under the right party and area', () => {
    const actual = model?.activities.map((activity) => [
      activity.parties.join(),
      activity.path.join(' › '),
      activity.title,
    ]);
    const expected = Object.entries(SEED).flatMap(([party, areas]) =>
      Object.entries(areas).flatMap(([area, titles]) =>
        titles.map((title) => [party, area, title]),
      ),
    );
    expect(expected).toHaveLength(28);
    expect(actual).toEqual(expected);
  });

  it('should describe every party', () => {
    for (const party of model?.parties ?? []) expect(party.description, party.id).toMatch(/\S/);
  });

  it('should carry none of the scraped page’s debris', () => {
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/Filter Tags|Document Overview/);
  });
});
