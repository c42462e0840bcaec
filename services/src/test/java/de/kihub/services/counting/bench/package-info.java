/**
 * Speed and memory benchmarks of people counting, run by hand (see docs/benchmarks.md); not part of
 * the test run, because timings belong in written-down results, not in assertions.
 */
package de.kihub.services.counting.bench;
