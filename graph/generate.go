package graph

//go:generate go run github.com/99designs/gqlgen generate --config ../gqlgen.yml
//go:generate go run ./internal/execpatch generated
