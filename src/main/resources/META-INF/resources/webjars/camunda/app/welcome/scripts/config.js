// Our Welcome page configuration; it is served in place of the webjar's own config.js.
// The links lead to the application's own pages, relative to the Welcome page's <base href>
// (<context path>/camunda/app/welcome/default/), so that a context path works.
// No "&" in descriptions: the Welcome page prints them escaped twice ("GD&amp;ĐT").
import {vietnamese} from '../../vietnamese.js';

export default {
  // Vietnamese whatever the browser's language, English as the fallback, dates dd/MM/yyyy
  ...vietnamese,
  links: [
    {
      label: 'Nhập danh bạ tổ chức',
      href: '../../../../directory/import.html',
      description: 'Nhập, cập nhật danh sách đơn vị và nhân sự từ tệp CSV hoặc Excel (.xlsx)'
    },
    {
      label: 'Tiến độ tự bồi dưỡng',
      href: '../../../../progress/index.html',
      description: 'Tiến độ theo cấp trung gian, từng đơn vị và từng người; lịch sử hồ sơ; tải báo cáo Excel, CSV và hồ sơ, bài thu hoạch của các đơn vị'
    },
    {
      label: 'Hồ sơ tự bồi dưỡng của tôi',
      href: '../../../../ho-so/index.html',
      description: 'Hồ sơ tự bồi dưỡng của từng năm học (PDF in được, kèm bài thu hoạch), kể cả các năm trước'
    },
    {
      label: 'Phản ánh vướng mắc',
      href: '../../../../concerns/index.html',
      description: 'Các phản ánh trong phạm vi của mình: đang chờ trả lời, đã trả lời, toàn bộ quá trình xử lý'
    }
  ]
};
