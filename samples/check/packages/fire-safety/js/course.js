// SCORM 2004 run-time: talks to the LMS through the API_1484_11 object.
var api = null;
function findApi(win) {
  while (win && !win.API_1484_11 && win.parent && win.parent !== win) { win = win.parent; }
  return win ? win.API_1484_11 : null;
}
function courseStart() {
  api = findApi(window);
  if (!api) { return; }
  api.Initialize("");
  api.SetValue("cmi.completion_status", "incomplete");
  insightsStart(api);
}
function courseEnd() {
  if (!api) { return; }
  api.SetValue("cmi.completion_status", "completed");
  api.SetValue("cmi.success_status", "passed");
  api.Commit("");
  insightsEnd();
  api.Terminate("");
}
