/*
 * Vietnamese for Tasklist, Cockpit, Admin and Welcome, whatever the browser's language.
 *
 * Loaded by each app's scripts/config.js (requireJsConfig: deps 'vi-locale', ngDeps 'cam.vi'),
 * served at /camunda/app/vi-locale.js from our jar. Each app lists locales ['vi', 'en'] with 'en'
 * as the fallback: a label missing from our vi.json (a Camunda upgrade that adds one, until the
 * coverage test VietnameseLocaleTest makes us translate it) shows in English, never as its key.
 *
 * Camunda would pick the browser's first language when it is listed, so an English browser would
 * get English; the config block below makes Vietnamese the language of every session instead.
 */
define([], function () {
  'use strict';

  var angular = window.angular;

  // Dates as Vietnamese offices write them: dd/MM/yyyy, 24-hour clock. Cockpit hard-codes an ISO
  // "normal" format (2026-11-26T13:24:12) and Admin uses "LLL"; both are replaced here.
  var DATE_FORMATS = {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  };

  angular.module('cam.vi', []).config(['$injector', '$translateProvider',
    function ($injector, $translateProvider) {
      // runs after the app's own configuration, which chose the browser's language
      $translateProvider.preferredLanguage('vi');

      if ($injector.has('camDateFormatProvider')) {
        var formats = $injector.get('camDateFormatProvider');
        Object.keys(DATE_FORMATS).forEach(function (name) {
          formats.setDateFormat(DATE_FORMATS[name], name);
        });
      }
    }]);
});
