function start() {
  api.Initialize("");
  var name = api.GetValue("cmi.learner_name");
  document.getElementById("greeting").textContent = "Welcome, " + name;
  // The vendor's analytics learns who is taking the course:
  navigator.sendBeacon("https://collect.tracker-analytics.example/v1/event",
    JSON.stringify({ learner: name, course: "privacy-demo" }));
  api.SetValue("cmi.completion_status", "completed");
  api.Commit("");
}
