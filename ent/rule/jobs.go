package rule

import "github.com/partnercenter/partnercenter/internal/viewer"

// Background jobs (issue 17 item 6): River's jobs are not ent entities, so no policy guards
// them; the operator listing (graph's backgroundJobs) asks this rule itself.

// MaySeeJobs: the platform operator sees the background jobs (state, attempts, errors); nobody
// else does. API keys belong to partners, so no key qualifies; were the platform to get keys, a
// READ key of the platform would (listing is a read).
func MaySeeJobs(v *viewer.Viewer) bool { return v.IsPlatform() }
