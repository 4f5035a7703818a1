import { defineWords } from './words';

/** The sign-in page. */
export const loginWords = defineWords(
  {
    appTagline: 'Проследяване на плановете за подобрение по CAF',
    loginTitle: 'Вход в системата',
    loginSubmit: 'Влез',
    loginInvalid: 'Грешен имейл или парола.',
    loginLocked: 'Твърде много неуспешни опита. Опитайте отново след {minutes} мин.',
    emailRequired: 'Въведете имейл адрес.',
    passwordRequired: 'Въведете парола.',
  },
  {
    appTagline: 'Tracking CAF improvement plans',
    loginTitle: 'Sign in',
    loginSubmit: 'Sign in',
    loginInvalid: 'Wrong e-mail or password.',
    loginLocked: 'Too many failed attempts. Try again in {minutes} min.',
    emailRequired: 'Enter your e-mail address.',
    passwordRequired: 'Enter your password.',
  },
);
