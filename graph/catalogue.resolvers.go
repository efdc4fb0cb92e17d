package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/graph/model"
)

// CreateServiceType is the resolver for the createServiceType field.
func (r *mutationResolver) CreateServiceType(ctx context.Context, input model.CreateServiceTypeInput) (*model.ServiceTypePayload, error) {
	st, err := r.createServiceType(ctx, input)
	return payload(ctx, &model.ServiceTypePayload{ServiceType: st}, err)
}

// UpdateServiceType is the resolver for the updateServiceType field.
func (r *mutationResolver) UpdateServiceType(ctx context.Context, input model.UpdateServiceTypeInput) (*model.ServiceTypePayload, error) {
	st, err := r.updateServiceType(ctx, input)
	return payload(ctx, &model.ServiceTypePayload{ServiceType: st}, err)
}

// CreateProduct is the resolver for the createProduct field.
func (r *mutationResolver) CreateProduct(ctx context.Context, input model.CreateProductInput) (*model.ProductPayload, error) {
	p, err := r.createProduct(ctx, input)
	return payload(ctx, &model.ProductPayload{Product: p}, err)
}

// UpdateProduct is the resolver for the updateProduct field.
func (r *mutationResolver) UpdateProduct(ctx context.Context, input model.UpdateProductInput) (*model.ProductPayload, error) {
	p, err := r.updateProduct(ctx, input)
	return payload(ctx, &model.ProductPayload{Product: p}, err)
}
