/**
 * The simulator's public surface. Pure core: createSimulation over a resolved scenario and a response
 * catalog. IO edges: loading scenarios and provider defaults, batch and live runs into a directory.
 */
export { createSimulation } from './engine/simulation.js';
export type { Simulation, SimulationOptions } from './engine/simulation.js';
export { resolveScenario } from './scenario/resolve-scenario.js';
export type { ResolvedScenario, RunOptions } from './scenario/resolve-scenario.js';
export { buildResponseCatalog } from './provider/response-catalog.js';
export type { ResponseCatalog, Situation } from './provider/response-catalog.js';
export { validateScenario } from './scenario/validate-scenario.js';
export type { Scenario } from './scenario/scenario-types.js';
export type { SimDefaults } from './scenario/validate-defaults.js';
export type { SimBatch, SimRecord } from './sim-record.js';
export type { SimTruth, TruthPair, TruthProblem } from './truth/truth-types.js';
export { formatRecord } from './output/format-record.js';
export { ACCT_COLUMNS, ACCT_HEADER_LINE } from './output/acct-columns.js';
export { renderPmtaConf } from './output/render-pmta-conf.js';
export { builtInScenarioNames, loadScenario, loadSimDefaults, scenariosDir } from './io/load-scenario-io.js';
export { runSimulationToDir } from './io/run-simulation-io.js';
export type { RunResult, RunToDirInput } from './io/run-simulation-io.js';
export { runLiveSimulation, systemClock } from './io/live-simulation-io.js';
export type { LiveClock, LiveInput, LiveResult } from './io/live-simulation-io.js';
