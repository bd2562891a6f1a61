/**
 * What the Processors tab asks of the app's run: run a built-in processor instead of the rules
 * (with its starting broadcast records), or the rules again, and load the generated data that
 * fits a processor. Through the simulator controller, so refusals are shown like any other.
 */
import type { BuiltInProcessorName } from "../../runtime/job/index.ts";
import { simulator } from "../controller/simulatorController.ts";
import { processorEntry } from "./processorCatalog.ts";

/** Runs processor `name` (null: the rules) from the current position, replayed. */
export async function chooseProcessor(name: BuiltInProcessorName | null): Promise<void> {
  const records = name === null ? [] : processorEntry(name).records;
  await simulator().sendRewinding({ type: "loadProcessor", processor: name, records });
}

/** Processor `name` over freshly generated data of its seed's schema (the run restarts on it). */
export async function runOnSeedData(name: BuiltInProcessorName): Promise<void> {
  await chooseProcessor(name);
  await simulator().loadData({ type: "generator", settings: processorEntry(name).data });
}
