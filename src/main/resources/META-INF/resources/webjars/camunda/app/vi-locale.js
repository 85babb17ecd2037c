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

  // The "dateLocales" of our locales/vi.json (the same in Tasklist, Cockpit and Admin), for moment
  // before any file has arrived. VietnameseLocaleTest.viLocaleJsStartsWithTheDatesOfViJson keeps
  // this copy equal to the files.
  var VIETNAMESE_DATES = {
    "calendar": {"lastDay": "[Hôm qua lúc] LT", "lastWeek": "dddd [tuần trước lúc] LT", "nextDay": "[Ngày mai lúc] LT", "nextWeek": "dddd [lúc] LT", "sameDay": "[Hôm nay lúc] LT", "sameElse": "L"},
    "longDateFormat": {"L": "DD/MM/YYYY", "LL": "D [tháng] M [năm] YYYY", "LLL": "D [tháng] M [năm] YYYY LT", "LLLL": "dddd, D [tháng] M [năm] YYYY LT", "LT": "HH:mm"},
    "months": ["tháng 1", "tháng 2", "tháng 3", "tháng 4", "tháng 5", "tháng 6", "tháng 7", "tháng 8", "tháng 9", "tháng 10", "tháng 11", "tháng 12"],
    "monthsShort": ["Th1", "Th2", "Th3", "Th4", "Th5", "Th6", "Th7", "Th8", "Th9", "Th10", "Th11", "Th12"],
    "relativeTime": {"M": "1 tháng", "MM": "%d tháng", "d": "1 ngày", "dd": "%d ngày", "future": "%s nữa", "h": "1 giờ", "hh": "%d giờ", "m": "1 phút", "mm": "%d phút", "past": "%s trước", "s": "vài giây", "y": "1 năm", "yy": "%d năm"},
    "week": {"dow": 1, "doy": 4},
    "weekdays": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
    "weekdaysMin": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
    "weekdaysShort": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"]
  };

  /*
   * Camunda's localeLoader hands the dateLocales of every locale file it loads, vi.json and the
   * fallback en.json alike, to moment's defineLocale/updateLocale, and each of those calls makes
   * its language moment's global one: whichever file arrived last decided the language of every
   * date, and am-time-ago does not redraw when it changes. On a first visit en.json often came
   * last: "Hạn 4 days ago". So, on the loader's first use, before any date is drawn, moment is
   * given the Vietnamese dates through Camunda's own callback (the moment instance the app uses),
   * and the dates of any other language are dropped from what the loader hands on; its labels
   * still serve as the fallback.
   */
  function vietnameseDatesFirst(loadLocale) {
    var registered = false;
    return function (options) {
      var callback = options && options.callback;
      if (typeof callback !== 'function') {
        return loadLocale(options);
      }
      if (!registered) {
        registered = true;
        callback(null, {dateLocales: angular.copy(VIETNAMESE_DATES)}, 'vi');
      }
      return loadLocale(angular.extend({}, options, {
        callback: function (error, data, key) {
          if (key !== 'vi' && data && data.dateLocales) {
            data = angular.extend({}, data);
            delete data.dateLocales;
          }
          return callback(error, data, key);
        }
      }));
    };
  }

  angular.module('cam.vi', []).config(['$injector', '$provide', '$translateProvider',
    function ($injector, $provide, $translateProvider) {
      // runs after the app's own configuration, which chose the browser's language
      $translateProvider.preferredLanguage('vi');

      if ($injector.has('camDateFormatProvider')) {
        var formats = $injector.get('camDateFormatProvider');
        Object.keys(DATE_FORMATS).forEach(function (name) {
          formats.setDateFormat(DATE_FORMATS[name], name);
        });
      }

      if ($injector.has('localeLoaderProvider')) {
        $provide.decorator('localeLoader', ['$delegate', vietnameseDatesFirst]);
      }
    }]);
});
