/*
 * The part of every app's scripts/config.js that makes it Vietnamese, imported by each of them
 * (Camunda loads config.js as an ES module).
 *
 * English is the fallback for a label our locales/vi.json lacks (a Camunda upgrade that adds one,
 * until VietnameseLocaleTest makes us translate it): it shows in English, never as its key.
 * Camunda would take the browser's language when it is listed, so an English browser would get
 * English; vi-locale.js (an AngularJS module loaded through requireJsConfig, path relative to the
 * app's folder) makes Vietnamese the language of every session and sets the date formats
 * (dd/MM/yyyy HH:mm).
 */
export const vietnamese = {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  requireJsConfig: {
    deps: ['vi-locale'],
    ngDeps: ['cam.vi'],
    paths: {
      'vi-locale': '../vi-locale'
    }
  }
};
