// Cockpit plugins of the self-training application, loaded through customScripts in config.js
// (Camunda 7.14+ frontend plugin interface: a default export of plugins, each rendering into a DOM
// node). Both lead to our progress view, which shares Cockpit's login: no second sign-in.

// <base app-root> is "<context path>/camunda" (camunda.bpm.webapp.application-path); our pages are
// served beside it, so the progress view also works under a context path.
function progressUrl() {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  return appRoot.replace(/\/camunda\/?$/, '') + '/progress/index.html';
}

function link(text, className) {
  const a = document.createElement('a');
  a.href = progressUrl();
  a.textContent = text;
  if (className) {
    a.className = className;
  }
  return a;
}

export default [
  {
    // "Tiến độ" in the header, next to Processes, Decisions, Human Tasks
    id: 'self-training-progress-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 1,
    render: node => {
      node.replaceChildren(link('Tiến độ'));
    }
  },
  {
    // a box at the bottom of the dashboard
    id: 'self-training-progress-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 10,
    render: node => {
      const box = document.createElement('div');
      box.className = 'col-xs-12 self-training-progress';
      box.style.padding = '6px 15px 12px';
      const title = document.createElement('h3');
      title.textContent = 'Tiến độ chiến dịch';
      title.style.marginTop = '0';
      const text = document.createElement('p');
      text.textContent = 'Tiến độ tự bồi dưỡng nghiệp vụ thư viện của năm học theo từng đơn vị cấp trung gian (như danh bạ gọi), từng đơn vị '
        + 'và từng người: ai hoàn thành đúng hạn, ai trễ hạn, ai chưa bắt đầu; lịch sử hồ sơ của từng người; '
        + 'tải báo cáo Excel và CSV. Mỗi người xem được phạm vi của mình.';
      box.append(title, text, link('Xem tiến độ', 'btn btn-primary'));
      node.replaceChildren(box);
    }
  }
];
