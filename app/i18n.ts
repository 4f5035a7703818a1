import { useRouteLoaderData } from '@remix-run/react';
import type { Language } from '../db/schema';

/** Every text of the interface, Bulgarian first; English has the same keys (checked by the type). */
const bg = {
  appName: 'План за подобрение',
  appTagline: 'Проследяване на плановете за подобрение по CAF',
  navPlans: 'Планове',
  navMy: 'Моите дейности',
  navDashboard: 'Табло',
  navReports: 'Отчети',
  navAdmin: 'Администриране',
  navUsers: 'Потребители',
  navOwners: 'Отговорници',
  navImport: 'Импорт',
  skipToContent: 'Към съдържанието',
  language: 'Език',
  switchLanguage: 'English',
  logout: 'Изход',
  login: 'Вход',
  loginTitle: 'Вход в системата',
  email: 'Имейл',
  password: 'Парола',
  loginSubmit: 'Влез',
  loginInvalid: 'Грешен имейл или парола.',
  loginLocked: 'Твърде много неуспешни опита. Опитайте отново след {minutes} мин.',
  emailRequired: 'Въведете имейл адрес.',
  passwordRequired: 'Въведете парола.',
  signedInAs: 'Влезли сте като',
  notFoundTitle: 'Страницата не е намерена',
  notFoundText: 'Адресът, който отворихте, не съществува или е преместен.',
  forbiddenTitle: 'Нямате достъп',
  forbiddenText: 'Вашата роля не позволява това действие. Ако смятате, че е грешка, обърнете се към администратора.',
  errorTitle: 'Възникна грешка',
  errorText: 'Нещо се обърка. Опитайте отново; ако грешката се повтаря, обърнете се към администратора.',
  backHome: 'Към началната страница',
  plansTitle: 'Планове за подобрение',
  plansEmpty: 'Все още няма планове. Импортирайте плана си от Excel или CSV файл.',
  plansEmptyViewer: 'Все още няма планове. Секретарят на администрацията ще импортира плана.',
  importPlan: 'Импортирай план',
  period: 'Период',
  activities: 'Дейности',
  measures: 'Мерки',
  areas: 'Области',
  done: 'Изпълнени',
  overdue: 'Просрочени',
  progress: 'Напредък',
  importedOn: 'Импортиран на',
  usersTitle: 'Потребители',
  name: 'Име',
  role: 'Роля',
  owners: 'Отговорници',
  addUser: 'Нов потребител',
  save: 'Запази',
  create: 'Създай',
  cancel: 'Отказ',
  disabled: 'Деактивиран',
  active: 'Активен',
  status: 'Статус',
  actions: 'Действия',
  edit: 'Редактирай',
  newPassword: 'Нова парола',
  passwordHint: 'Поне 10 знака. Оставете празно, за да се генерира.',
  generatedPassword: 'Генерирана парола за {email}: {password} — запишете я, няма да бъде показана отново.',
  userCreated: 'Потребителят е създаден.',
  userSaved: 'Промените са запазени.',
  emailTaken: 'Вече има потребител с този имейл.',
  invalidEmail: 'Невалиден имейл адрес.',
  nameRequired: 'Въведете име.',
  passwordTooShort: 'Паролата трябва да е поне 10 знака.',
  cannotDemoteSelf: 'Не можете да премахнете собствените си администраторски права или да деактивирате себе си.',
  noOwners: 'няма свързани отговорници',
  linkedOwners: 'Свързани отговорници',
  ownersHelp: 'Потребителят вижда и отчита дейностите, в които са посочени тези отговорници.',
  comingSoonDashboard: 'Таблото показва просрочените дейности и напредъка по области.',
  myTitle: 'Моите дейности',
  dashboardTitle: 'Табло',
  reportsTitle: 'Отчети',
  notLinked: 'Профилът ви още не е свързан с отговорник от плана. Помолете администратора да го свърже.',
  // --- tracking (plan page, activity page, my activities, owners) ---
  // --- import (upload, preview, re-import) ---
  // --- dashboard ---
  // --- reports (exports, print, calendar) ---
} as const;

type Messages = Record<keyof typeof bg, string>;

const en: Messages = {
  appName: 'Improvement plan',
  appTagline: 'Tracking CAF improvement plans',
  navPlans: 'Plans',
  navMy: 'My activities',
  navDashboard: 'Dashboard',
  navReports: 'Reports',
  navAdmin: 'Administration',
  navUsers: 'Users',
  navOwners: 'Owners',
  navImport: 'Import',
  skipToContent: 'Skip to content',
  language: 'Language',
  switchLanguage: 'Български',
  logout: 'Sign out',
  login: 'Sign in',
  loginTitle: 'Sign in',
  email: 'E-mail',
  password: 'Password',
  loginSubmit: 'Sign in',
  loginInvalid: 'Wrong e-mail or password.',
  loginLocked: 'Too many failed attempts. Try again in {minutes} min.',
  emailRequired: 'Enter your e-mail address.',
  passwordRequired: 'Enter your password.',
  signedInAs: 'Signed in as',
  notFoundTitle: 'Page not found',
  notFoundText: 'The address you opened does not exist or has moved.',
  forbiddenTitle: 'Access denied',
  forbiddenText: 'Your role does not allow this. If you think it should, ask the administrator.',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again; if the error persists, contact the administrator.',
  backHome: 'Back to the start page',
  plansTitle: 'Improvement plans',
  plansEmpty: 'There are no plans yet. Import your plan from an Excel or CSV file.',
  plansEmptyViewer: 'There are no plans yet. The secretary will import the plan.',
  importPlan: 'Import a plan',
  period: 'Period',
  activities: 'Activities',
  measures: 'Measures',
  areas: 'Areas',
  done: 'Done',
  overdue: 'Overdue',
  progress: 'Progress',
  importedOn: 'Imported on',
  usersTitle: 'Users',
  name: 'Name',
  role: 'Role',
  owners: 'Owners',
  addUser: 'New user',
  save: 'Save',
  create: 'Create',
  cancel: 'Cancel',
  disabled: 'Disabled',
  active: 'Active',
  status: 'Status',
  actions: 'Actions',
  edit: 'Edit',
  newPassword: 'New password',
  passwordHint: 'At least 10 characters. Leave empty to generate one.',
  generatedPassword: 'Generated password for {email}: {password} — write it down, it will not be shown again.',
  userCreated: 'The user was created.',
  userSaved: 'Changes saved.',
  emailTaken: 'A user with this e-mail already exists.',
  invalidEmail: 'Invalid e-mail address.',
  nameRequired: 'Enter a name.',
  passwordTooShort: 'The password must be at least 10 characters.',
  cannotDemoteSelf: 'You cannot remove your own administrator rights or disable yourself.',
  noOwners: 'no linked owners',
  linkedOwners: 'Linked owners',
  ownersHelp: 'The user sees and reports on the activities these owners are named on.',
  comingSoonDashboard: 'The dashboard shows overdue activities and progress by area.',
  myTitle: 'My activities',
  dashboardTitle: 'Dashboard',
  reportsTitle: 'Reports',
  notLinked: 'Your account is not linked to an owner of the plan yet. Ask the administrator to link it.',
  // --- tracking (plan page, activity page, my activities, owners) ---
  // --- import (upload, preview, re-import) ---
  // --- dashboard ---
  // --- reports (exports, print, calendar) ---
};

export type MessageKey = keyof typeof bg;
const messages: Record<Language, Messages> = { bg, en };

export function translate(lang: Language, key: MessageKey, params?: Record<string, string | number>): string {
  let text = messages[lang][key];
  for (const [name, value] of Object.entries(params ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** The page language, from the root loader. */
export function useLang(): Language {
  const data = useRouteLoaderData<{ lang: Language }>('root');
  return data?.lang ?? 'bg';
}

export function useT() {
  const lang = useLang();
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
