package graph

import (
	"context"
	"strconv"
	"strings"

	"github.com/riverqueue/river/rivertype"

	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// backgroundJobs lists River's jobs for the platform operator (rule.MaySeeJobs) through the
// River client the server was given (a started one in production; an unstarted one lists too).
// A job's args are never answered, only their size: a job may carry personal data.
func (r *Resolver) backgroundJobs(ctx context.Context, states []model.BackgroundJobState, kind *string, first *int) ([]*model.BackgroundJob, error) {
	if !rule.MaySeeJobs(viewer.FromContext(ctx)) {
		return nil, apperr.New(apperr.Forbidden, "background jobs are the platform operator's")
	}
	if r.jobs == nil {
		return nil, apperr.New(apperr.Internal, "background jobs are not available on this server")
	}
	limit := 50
	if first != nil {
		if *first < 1 || *first > jobs.MaxList {
			return nil, apperr.New(apperr.BadUserInput, "first: 1 to %d", jobs.MaxList)
		}
		limit = *first
	}
	rs := make([]rivertype.JobState, len(states))
	for i, s := range states {
		rs[i] = rivertype.JobState(strings.ToLower(string(s)))
	}
	rows, err := jobs.List(ctx, r.jobs, rs, deref(kind), limit)
	if err != nil {
		return nil, err
	}
	out := make([]*model.BackgroundJob, len(rows))
	for i, j := range rows {
		out[i] = jobOf(j)
	}
	return out, nil
}

func jobOf(j *rivertype.JobRow) *model.BackgroundJob {
	b := &model.BackgroundJob{
		ID: strconv.FormatInt(j.ID, 10), Kind: j.Kind, State: model.BackgroundJobState(strings.ToUpper(string(j.State))),
		Queue: j.Queue, Attempt: j.Attempt, MaxAttempts: j.MaxAttempts, AttemptedBy: j.AttemptedBy,
		CreatedAt: j.CreatedAt, ScheduledAt: j.ScheduledAt, AttemptedAt: j.AttemptedAt, FinalizedAt: j.FinalizedAt,
		ErrorCount: len(j.Errors), ArgsBytes: len(j.EncodedArgs),
	}
	if b.AttemptedBy == nil {
		b.AttemptedBy = []string{}
	}
	// River appends errors in attempt order; the newest is the latest by time.
	for k := range j.Errors {
		e := j.Errors[k]
		if b.LastError == nil || !e.At.Before(b.LastError.At) {
			b.LastError = &model.BackgroundJobError{Attempt: e.Attempt, At: e.At, Message: e.Error}
		}
	}
	return b
}
