// Finds the LMS's SCORM 2004 API object (API_1484_11) in a parent window.
function findApi(win) {
  for (var depth = 0; win && depth < 10; depth++) {
    if (win.API_1484_11) { return win.API_1484_11; }
    if (win.parent === win) { break; }
    win = win.parent;
  }
  return null;
}
var api = findApi(window);
