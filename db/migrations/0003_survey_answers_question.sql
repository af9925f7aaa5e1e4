-- Survey satisfaction per school (issue 8, "Scale and speed"): the ranking, the dashboard and the
-- province ranking read the answers to the overall question of a district-year's surveys. Without an
-- index by question PostgreSQL walked every answer of every response through the primary key
-- (response_id, question_id): ≈ 70 000 index probes for the ≈ 12 600 answers wanted in a 300-school
-- district-year. A plain btree (deduplicated: few distinct questions) is ≈ 75 MB for 10.9 M answers;
-- a covering one (INCLUDE response_id, value, district_id) was measured too: hardly faster, 800 MB.
CREATE INDEX "survey_answers_question" ON "survey_answers" USING btree ("question_id");