/** An instant in UTC, without zero milliseconds. */
export declare function iso(ms: number): string;
/** The course of plan `i` as ten events; a stage is a prefix. */
export declare function courseEvents(i: number): Record<string, unknown>[];
