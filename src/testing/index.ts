/**
 * `smp-protocol/testing`: what integrators need to test their code against ours — a fixed
 * clock, a fluent plan builder, fast-check arbitraries, and the conformance runner.
 *
 * @packageDocumentation
 */
export { fixedClock } from './clock.js';
export type { FixedClock } from './clock.js';
export { aPlan } from './builder.js';
export type { PlanBuilder } from './builder.js';
export { smpArbitraries } from './arbitraries.js';
export type { ArbitraryKinds, ArbitraryLike, ArbitraryOf, FastCheckLike, SmpArbitraries } from './arbitraries.js';
export { conformanceCaseSchema, runConformanceCase } from './conformance.js';
export type { ConformanceCase, ConformanceOptions, ConformanceResult } from './conformance.js';
