package db_test

import (
	"context"

	"github.com/partnercenter/partnercenter/internal/viewer"
)

func ctxSystem() context.Context { return viewer.SystemContext(context.Background()) }
