import { defineWords } from './index';

/** The words of a filtered view reached from the dashboard (drill-down) and of the dashboard's owner filter. */
export const drillDownWords = defineWords(
  {
    ddFiguresOfFiltered: 'Числата са за {shown} от {total} дейности на плана: тези, които отговарят на филтрите.',
    ddOnlyOwner: 'Само дейностите на {owner}',
    ddEveryOwner: 'Покажи всички отговорници',
  },
  {
    ddFiguresOfFiltered: 'The figures are for {shown} of the plan’s {total} activities: those that match the filters.',
    ddOnlyOwner: 'Only the activities of {owner}',
    ddEveryOwner: 'Show every owner',
  },
);
