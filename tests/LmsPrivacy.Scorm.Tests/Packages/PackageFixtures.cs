using System.IO.Compression;
using System.Text;

namespace LmsPrivacy.Scorm.Tests.Packages;

/// <summary>Builds content packages in memory, shaped like what authoring tools emit.</summary>
internal static class PackageFixtures
{
    public static MemoryStream Zip(params (string Name, string Content)[] entries) =>
        Zip(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))).ToArray());

    public static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var target = entry.Open();
                target.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A Storyline/Rise-style SCORM 2004 export with an xAPI wrapper, analytics, fonts, video, beacons and XHR.</summary>
    public static (string Name, string Content)[] StorylineStyle2004() =>
    [
        ("imsmanifest.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest identifier="Course_ID1_ORG" version="1.0" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
                      xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd">
              <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
              <organizations default="Course_ID1_ORG">
                <organization identifier="Course_ID1_ORG">
                  <title>Safety Basics</title>
                  <item identifier="Item_1" identifierref="Res_1" isvisible="true"><title>Safety Basics</title></item>
                  <item identifier="Item_2" identifierref="Res_nope"><title>Broken</title></item>
                </organization>
              </organizations>
              <resources xml:base="scormcontent/">
                <resource identifier="Res_1" type="webcontent" adlcp:scormType="sco" href="index_lms.html">
                  <file href="index_lms.html"/>
                  <file href="lms/xapi-config.js"/>
                  <file href="lms/tracking.js"/>
                  <file href="css/player.css"/>
                  <file href="lms/missing.js"/>
                  <dependency identifierref="Res_common"/>
                </resource>
                <resource identifier="Res_common" type="webcontent" adlcp:scormType="asset" xml:base="../shared/">
                  <file href="pipwerks.js"/>
                </resource>
              </resources>
            </manifest>
            """),
        ("scormcontent/index_lms.html", """
            <!DOCTYPE html>
            <html>
            <head>
              <script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>
              <link href="https://fonts.googleapis.com/css2?family=Lato" rel="stylesheet">
              <script src="//cdn.jsdelivr.net/npm/xapiwrapper@1.11/dist/xapiwrapper.min.js"></script>
              <link rel="stylesheet" href="css/player.css">
            </head>
            <body>
              <!-- https://www.articulate.com/ generated this page -->
              <iframe src="https://player.vimeo.com/video/76979871" allowfullscreen></iframe>
              <img src="https://pixel.adtrack.example/p.gif?c=safety" width="1" height="1">
              <a href="https://support.vendor.example/help">Help</a>
              <svg xmlns="http://www.w3.org/2000/svg"></svg>
            </body>
            </html>
            """),
        ("scormcontent/lms/xapi-config.js", """
            // xAPI wrapper configuration; see https://github.com/adlnet/xAPIWrapper for details
            var conf = {
              "endpoint": "https://lrs.vendor-cloud.example/xapi/",
              "auth": "Basic dXNlcm5hbWU6c2VjcmV0cGFzc3dvcmQ=",
              "password": "hunter2-production"
            };
            var verb = "http://adlnet.gov/expapi/verbs/completed";
            """),
        ("scormcontent/lms/tracking.js", """
            var api = window.parent.API_1484_11;
            var learner = api.GetValue("cmi.learner_name");
            var learnerId = api.GetValue("cmi.learner_id");
            var xhr = new XMLHttpRequest();
            xhr.open("POST", "https://lrs.vendor-cloud.example/xapi/statements");
            xhr.send(JSON.stringify({ actor: { name: learner } }));
            navigator.sendBeacon("https://collect.analytics.example/beacon", learnerId);
            fetch('https://api.mixpanel.com/track', { method: 'POST', body: learner });
            var socket = new WebSocket("wss://live.vendor-cloud.example/socket");
            """),
        ("scormcontent/css/player.css", """
            @import url("//fonts.googleapis.com/css?family=Roboto");
            @font-face { font-family: Brand; src: url(https://static.brandfonts.example/brand.woff2) format("woff2"); }
            """),
        ("shared/pipwerks.js", "var pipwerks = {}; pipwerks.SCORM = { version: '2004' };"),
        ("scormcontent/unused.txt", "left over"),
        ("imscp_v1p1.xsd", "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>"),
    ];

    /// <summary>A SCORM 1.2 package with an xml:base chain on the manifest, resources and resource.</summary>
    public static (string Name, string Content)[] Scorm12WithXmlBase() =>
    [
        ("imsmanifest.xml", """
            <?xml version="1.0"?>
            <manifest identifier="MANIFEST-12" version="1.1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xml:base="course/">
              <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
              <organizations default="TOC1">
                <organization identifier="TOC1">
                  <title>Golf</title>
                  <item identifier="I1" identifierref="R1" parameters="?tc=API">
                    <title>Putting</title>
                    <adlcp:masteryscore>80</adlcp:masteryscore>
                  </item>
                </organization>
              </organizations>
              <resources xml:base="units/">
                <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="putting.html" xml:base="unit1/">
                  <file href="putting.html"/>
                  <file href="../common/api.js"/>
                </resource>
              </resources>
            </manifest>
            """),
        ("course/units/unit1/putting.html", "<html><script src=\"../common/api.js\"></script></html>"),
        ("course/units/common/api.js", "var name = API.LMSGetValue('cmi.core.student_name');"),
    ];
}
