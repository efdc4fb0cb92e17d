package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/graph/model"
)

// BackgroundJobs is the resolver for the backgroundJobs field.
func (r *queryResolver) BackgroundJobs(ctx context.Context, states []model.BackgroundJobState, kind *string, first *int) ([]*model.BackgroundJob, error) {
	return r.backgroundJobs(ctx, states, kind, first)
}
