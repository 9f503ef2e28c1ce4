// The checked-in examples (docs/examples/, made by scripts/examples.mjs from the demo plan; `npm
// test` also checks they are what the code makes now): each opens in an independent reader.
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FHIR_LOAD_TIMEOUT, fhirProblems, loadFhirDefinitions } from './fhir-validator.js';

// HL7's definitions load once, before any test, with their own timeout.
beforeAll(loadFhirDefinitions, FHIR_LOAD_TIMEOUT);

const example = (name: string): string => readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8');

describe('docs/examples', () => {
  it('demo.ics opens in ical.js with every session, in Europe/London time', () => {
    const cal = ICAL.Component.fromString(example('demo.ics'));
    const sessions = cal.getAllSubcomponents('vevent').filter((e) => /^plan-0042-s\d@/.test(String(e.getFirstPropertyValue('uid'))));
    expect(sessions.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('status')])).toEqual([
      ['plan-0042-s1@clinic.example', 'CONFIRMED'],
      ['plan-0042-s2@clinic.example', 'CONFIRMED'],
      ['plan-0042-s3@clinic.example', 'CONFIRMED'],
    ]);
    const s3 = sessions[2];
    const start = s3?.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    expect(start.toUnixTime() * 1000).toBe(Date.parse('2026-04-16T09:00:00Z'));
    expect(s3?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
    expect(s3?.getAllSubcomponents('valarm')).toHaveLength(2);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
  });

  it('demo-bundle.json passes the FHIR R4 validator', () => {
    const bundle = JSON.parse(example('demo-bundle.json')) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle.entry.map((e) => e.resource.resourceType)).toContain('Observation');
  });

  it('demo-timeline.svg is well-formed and renders to an 800 px wide PNG', () => {
    const svg = example('demo-timeline.svg');
    expect(XMLValidator.validate(svg)).toBe(true);
    const image = new Resvg(svg, { font: { loadSystemFonts: true } }).render();
    expect(image.width).toBe(800);
    expect(image.height).toBe(Number(/height="(\d+)"/.exec(svg)?.[1]));
  });
});
