// Package ent is the generated data layer; the hand-written parts are schema/, entc.go and this file.
package ent

//go:generate go run -mod=mod entc.go
