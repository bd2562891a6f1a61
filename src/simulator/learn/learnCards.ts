/** Every Learn card, in the order the Learn tab shows them: the seed scenarios, then the concepts. */
import { broadcastCard } from "./broadcastCard.ts";
import { conceptCards } from "./conceptCards.ts";
import type { LearnCard } from "./learnCard.ts";
import { scenarioCards } from "./scenarioCards.ts";

export const learnCards: readonly LearnCard[] = [...scenarioCards, ...conceptCards, broadcastCard];
