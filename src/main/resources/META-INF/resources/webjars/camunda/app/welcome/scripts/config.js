// Our Welcome page configuration; it is served in place of the webjar's own config.js.
// The links lead Phòng GD&ĐT and Phòng KHTC officers to the application's own pages.
export default {
  links: [
    {
      label: 'Nhập danh bạ tổ chức',
      href: '/directory/import.html',
      description: 'Nhập, cập nhật danh sách đơn vị và nhân sự từ tệp CSV hoặc Excel (.xlsx)'
    }
  ]
};
