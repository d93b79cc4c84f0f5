/**
 * A synthetic control catalog the size of a real one: 250 controls in 25 domains, five
 * parties with levels and contexts, each control with references, a description and, per
 * party, a long note with paragraphs and lists — about 3 MB of SRM Markdown in the activity
 * block form. The same size always gives the same bytes.
 */
const PARTIES = [
  { id: 'provider', name: 'Cloud Service Provider', short: 'Provider' },
  { id: 'customer', name: 'Cloud Service Customer', short: 'Customer' },
  { id: 'mp-osp', name: 'Managed Platform Operations Service Provider', short: 'MP-OSP' },
  { id: 'auditor', name: 'Third-Party Assessment Organization', short: 'Auditor' },
  { id: 'agency', name: 'Authorizing Agency', short: 'Agency' },
];
const LEVELS = ['owns', 'shares', 'supports', 'informed'];
const WORDS =
  'the party documents reviews approves monitors tests reports configures maintains records escalates verifies retains encrypts rotates restricts logs alerts evidence quarterly annually within hours baseline control policy procedure inventory access keys backups changes incidents vendors assets accounts systems data network'.split(
    ' ',
  );

/** A deterministic pseudo-random number generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences and paragraphs of the word list, the same for the same seed; Markdown indented. */
function writer(seed: number, wordsPerSentence: number) {
  const next = random(seed);
  const word = () => WORDS[Math.floor(next() * WORDS.length)]!;
  const sentence = (length: number) => {
    const words = Array.from({ length }, word);
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => sentence(wordsPerSentence)).join(' ');
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => (line ? `  ${line}` : ''))
      .join('\n');
  return { sentence, paragraph, indent };
}

export function generateCatalog(controls = 250): string {
  const { sentence, paragraph, indent } = writer(controls, 15);
  const note = () =>
    [
      paragraph(5),
      paragraph(4),
      Array.from({ length: 4 }, (_, index) => `${index + 1}. ${sentence(10)}`).join('\n'),
      Array.from({ length: 3 }, () => `- ${sentence(9)}`).join('\n'),
      paragraph(3),
    ].join('\n\n');

  const lines = [
    '---',
    `title: Synthetic Control Catalog (${controls} controls)`,
    'levels:',
    ...LEVELS.map(
      (id) =>
        `  - id: ${id}\n    name: ${id[0]!.toUpperCase()}${id.slice(1)}\n    responsible: ${id === 'owns' || id === 'shares'}`,
    ),
    'contexts: [IaaS, PaaS, SaaS]',
    'parties:',
    ...PARTIES.map(
      ({ id, name, short }) => `  - id: ${id}\n    name: ${name}\n    short: ${short}`,
    ),
    '---',
    '',
    '## Responsibility matrix',
    '',
  ];
  const domains = Math.ceil(controls / 10);
  for (let domain = 0; domain < domains; domain++) {
    const code = `D${String.fromCharCode(65 + (domain % 26))}${domain >= 26 ? domain : ''}`;
    lines.push(`### Domain ${code}: ${sentence(3).slice(0, -1)}`, '');
    for (let index = 1; index <= 10 && domain * 10 + index <= controls; index++) {
      const id = `${code}&X-${String(index).padStart(2, '0')}`;
      lines.push(`#### ${sentence(5).slice(0, -1)}`, '');
      lines.push(`References: CCM ${id}; NIST SP 800-53 AC-${domain * 10 + index}`, '');
      lines.push(paragraph(3), '');
      for (const [position, party] of PARTIES.entries()) {
        const level = LEVELS[(domain + index + position) % LEVELS.length]!;
        const where = position === 1 && index % 3 === 0 ? ' in PaaS, SaaS' : '';
        lines.push(
          `- **${party.short}** ${level}${where}: ${sentence(12)}`,
          '',
          indent(note()),
          '',
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const ACTORS = [
  { id: 'csp', name: 'Cloud Service Provider', short: 'CSP' },
  { id: 'mp', name: 'Model Provider', short: 'MP' },
  { id: 'osp', name: 'Orchestrated Service Provider', short: 'OSP' },
  { id: 'ap', name: 'Application Provider', short: 'AP' },
  { id: 'aic', name: 'AI Customer', short: 'AIC' },
];
const AI_LEVELS = ['owned', 'shared', 'dependent', 'informed'];
const LAYERS = ['Cloud infrastructure', 'Model', 'Orchestration', 'Application'];

/**
 * A catalog of the shape of CSA's AI Controls Matrix (AICM) at its size, about 5 MB: controls in
 * 18 domains with ids such as `A&A-01`, five actors at four declared levels in four stack layers,
 * and per actor and control an implementation guideline and an auditing guideline of a few
 * hundred words with lists. Like the AICM, a few guidelines open with an escaped
 * `\[All Actors\]:`. The same size always gives the same bytes.
 */
export function generateAicmCatalog(controls = 250): string {
  const { sentence, paragraph, indent } = writer(controls * 7 + 1, 16);
  let allActors = 0;
  const guidelines = () =>
    [
      '**Implementation guidelines**',
      `${allActors++ % 200 === 7 ? '\\[All Actors\\]: ' : ''}${paragraph(6)}`,
      Array.from({ length: 6 }, () => `- ${sentence(14)}`).join('\n'),
      paragraph(5),
      '**Auditing guidelines**',
      paragraph(5),
      Array.from({ length: 5 }, (_, index) => `${index + 1}. ${sentence(13)}`).join('\n'),
      paragraph(3),
    ].join('\n\n');

  const lines = [
    '---',
    `title: Synthetic AI Controls Matrix (${controls} controls)`,
    'version: 1.0.2',
    'levels:',
    ...AI_LEVELS.map(
      (id) =>
        `  - id: ${id}\n    name: ${id[0]!.toUpperCase()}${id.slice(1)}\n    responsible: ${id !== 'informed'}`,
    ),
    `contexts: [${LAYERS.join(', ')}]`,
    'parties:',
    ...ACTORS.map(({ id, name, short }) => `  - id: ${id}\n    name: ${name}\n    short: ${short}`),
    '---',
    '',
    '## Responsibility matrix',
    '',
  ];
  const perDomain = Math.ceil(controls / 18);
  for (let domain = 0; domain * perDomain < controls; domain++) {
    const code = `${String.fromCharCode(65 + domain)}&${String.fromCharCode(90 - domain)}`;
    lines.push(`### ${sentence(3).slice(0, -1)} (${code})`, '');
    for (let index = 1; index <= perDomain && domain * perDomain + index <= controls; index++) {
      const id = `${code}-${String(index).padStart(2, '0')}`;
      lines.push(`#### ${sentence(5).slice(0, -1)}`, '');
      lines.push(`References: AICM ${id}; CCM ${id}; ISO/IEC 42001 ${domain + 4}.${index}`, '');
      lines.push(paragraph(4), '');
      for (const [position, actor] of ACTORS.entries()) {
        const level = AI_LEVELS[(domain + index + position) % AI_LEVELS.length]!;
        // Most actors hold a control in some layers only: one to four of them.
        const first = (domain + position) % LAYERS.length;
        const count = 1 + ((index + position) % LAYERS.length);
        const layers = Array.from(
          { length: count },
          (_, offset) => LAYERS[(first + offset) % LAYERS.length]!,
        );
        lines.push(
          `- **${actor.short}** ${level} in ${layers.join(', ')}: ${sentence(12)}`,
          '',
          indent(guidelines()),
          '',
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
