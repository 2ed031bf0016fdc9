// "CourseCraft Insights": the vendor's own completion analytics, bundled in the package.
// It reads who the learner is from the LMS and reports it to the vendor's servers.
var insightsSession = null;
function insightsStart(api) {
  insightsSession = {
    learner: api.GetValue("cmi.learner_id"),
    name: api.GetValue("cmi.learner_name"),
    course: "fire-safety",
    started: Date.now()
  };
  fetch("https://telemetry.coursecraft.example/v2/sessions", {
    method: "POST",
    body: JSON.stringify(insightsSession)
  });
}
function insightsEnd() {
  if (!insightsSession) { return; }
  insightsSession.ended = Date.now();
  navigator.sendBeacon("https://telemetry.coursecraft.example/v2/complete", JSON.stringify(insightsSession));
}
