/**
 * What the Lovech district administration records of its CAF cycles that the app cannot know:
 * the governor's decision, the communication to the staff, the training of the group and (2022)
 * the communication of the plan, on days that fit the demo self-assessments (db/demo/assessment-lovech.ts:
 * 2022 started 10 January, members scoring from the 13th; 2024 started 14 October, scoring from
 * the 17th) and the plan 2022-2024 approved on 10 March 2022 (db/seed.ts). Idempotent.
 */
import { eq } from 'drizzle-orm';
import { startOfDayInSofia } from '../../app/domain/dates';
import type { CycleStep } from '../../app/domain/caf-cycle';
import { writeTransaction } from '../client';
import { assessments, cycleSteps } from '../schema';

type DemoStep = { step: CycleStep; doneOn: string; note: string };

export const CYCLE_2022: DemoStep[] = [
  {
    step: 'organise',
    doneOn: '2021-12-20',
    note: 'Заповед на областния управител за самооценка по модела CAF 2020: цел, срокове, група от шест души и председател (главният секретар).',
  },
  {
    step: 'communicate',
    doneOn: '2022-01-05',
    note: 'Съобщение до всички служители във вътрешната мрежа и на работната среща на дирекциите: защо, кога и кой провежда самооценката.',
  },
  {
    step: 'train',
    doneOn: '2022-01-11',
    note: 'Еднодневно обучение на групата по модела CAF 2020 и прецизираното точкуване, с примерни доказателства по подкритериите.',
  },
  {
    step: 'communicate_plan',
    doneOn: '2022-03-17',
    note: 'Планът за подобрение е публикуван на интернет страницата на администрацията и представен на служителите на обща среща.',
  },
];

export const CYCLE_2024: DemoStep[] = [
  {
    step: 'organise',
    doneOn: '2024-09-23',
    note: 'Заповед на областния управител за втората самооценка по модела CAF 2020 (период 2022-2024) и за състава на групата.',
  },
  {
    step: 'communicate',
    doneOn: '2024-10-07',
    note: 'Съобщение до служителите: втората самооценка, сроковете и какво показа изпълнението на плана 2022-2024.',
  },
  {
    step: 'train',
    doneOn: '2024-10-16',
    note: 'Обучение на групата, най-вече на новия член, по точкуването и по доказателствата от изпълнението на плана.',
  },
];

export function seedCycleSteps(assessmentId: number, steps: DemoStep[]): void {
  writeTransaction((tx) => {
    const chair = tx.select({ id: assessments.createdBy }).from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    for (const { step, doneOn, note } of steps) {
      tx.insert(cycleSteps)
        .values({
          assessmentId,
          step,
          doneOn,
          note,
          updatedBy: chair.id,
          updatedAt: new Date(startOfDayInSofia(doneOn) + 1000 * 60 * 60 * 15),
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
