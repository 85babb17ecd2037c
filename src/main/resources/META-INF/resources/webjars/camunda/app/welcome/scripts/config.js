// Our Welcome page configuration; it is served in place of the webjar's own config.js.
// The links lead to the application's own pages, relative to the Welcome page's <base href>
// (<context path>/camunda/app/welcome/default/), so that a context path works.
// No "&" in descriptions: the Welcome page prints them escaped twice ("GD&amp;ĐT").
export default {
  // Vietnamese for everyone, English as the fallback for a label our locales/vi.json lacks.
  // Camunda would take the browser's language when listed; ../vi-locale.js (an AngularJS module
  // loaded below) makes Vietnamese the language whatever the browser's, and sets the date formats
  // (dd/MM/yyyy HH:mm) for Welcome.
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
  },
  links: [
    {
      label: 'Nhập danh bạ tổ chức',
      href: '../../../../directory/import.html',
      description: 'Nhập, cập nhật danh sách đơn vị và nhân sự từ tệp CSV hoặc Excel (.xlsx)'
    },
    {
      label: 'Tiến độ tự bồi dưỡng',
      href: '../../../../progress/index.html',
      description: 'Tiến độ theo từng Phòng, từng đơn vị và từng người; lịch sử hồ sơ; tải báo cáo Excel và CSV'
    },
    {
      label: 'Phản ánh vướng mắc',
      href: '../../../../concerns/index.html',
      description: 'Các phản ánh trong phạm vi của mình: đang chờ trả lời, đã trả lời, toàn bộ quá trình xử lý'
    }
  ]
};
