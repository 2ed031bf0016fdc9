#!/usr/bin/env python3
"""Write an NDJSON file of typical xAPI statements (~1.1 KB each) of at least SIZE bytes: generate-ndjson.py PATH SIZE_MB."""
import sys

TEMPLATE = ('{{"id":"{i:08x}-0001-4{a:03x}-8001-{b:012x}","actor":{{"objectType":"Agent","name":"Learner {l}",'
            '"mbox":"mailto:learner{l}@example.org"}},"verb":{{"id":"http://adlnet.gov/expapi/verbs/answered",'
            '"display":{{"en-US":"answered","de-DE":"beantwortete"}}}},"object":{{"objectType":"Activity",'
            '"id":"https://lms.example.org/course/{c}/quiz/{q}/question/{n}","definition":{{"name":{{"en-US":"Question {n}"}},'
            '"description":{{"en-US":"A multiple choice question about data protection."}},'
            '"type":"http://adlnet.gov/expapi/activities/cmi.interaction","interactionType":"choice",'
            '"correctResponsesPattern":["a[,]c"],"choices":[{{"id":"a","description":{{"en-US":"Option A"}}}},'
            '{{"id":"b","description":{{"en-US":"Option B"}}}},{{"id":"c","description":{{"en-US":"Option C"}}}}]}}}},'
            '"result":{{"score":{{"scaled":0.{s},"raw":{s},"min":0,"max":10}},"success":true,"completion":true,'
            '"response":"a[,]c","duration":"PT{m}M{sec:02d}.5S"}},"context":{{"registration":"{r:08x}-0002-4000-8002-000000000000",'
            '"instructor":{{"objectType":"Agent","name":"Tutor {t}","account":{{"homePage":"https://lms.example.org","name":"staff-{t}"}}}},'
            '"contextActivities":{{"parent":[{{"id":"https://lms.example.org/course/{c}/quiz/{q}","objectType":"Activity"}}],'
            '"grouping":[{{"id":"https://lms.example.org/course/{c}","objectType":"Activity"}}]}},"platform":"Example LMS 4.1",'
            '"language":"en-GB"}},"timestamp":"2026-03-02T10:{mi:02d}:{sec:02d}.120+01:00","version":"1.0.3"}}\n')

path, size = sys.argv[1], int(float(sys.argv[2]) * 1_000_000)
written = 0
i = 0
with open(path, "w", encoding="utf-8") as out:
    while written < size:
        line = TEMPLATE.format(i=i, a=i % 4096, b=(i * 2654435761) % 0xFFFFFFFFFFFF, l=i % 5000, c=i % 40, q=i % 7, n=i % 13,
                               s=i % 10, m=i % 50, sec=i % 60, mi=(i // 60) % 60, r=i // 20, t=i % 30)
        out.write(line)
        written += len(line)
        i += 1
print(f"{path}: {i} statements, {written} bytes")
