package model

// SetUserErrors of every mutation payload, so that one helper (graph.payload) answers every
// mutation: a payload is its result and userErrors (see UserError in graph/schema/auth.graphqls).
// A new payload type needs its line here before a resolver can return it through that helper.

// SetUserErrors implements the mutation payload contract.
func (p *ApplyToDistributorPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *BatchAllocatePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *BatchPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *BeginTotpEnrollmentPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ChangePasswordPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ConfirmTotpEnrollmentPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *CreateAPIKeyPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *CreateCustomerPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *DecideDisassociationPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *DisableTotpPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *LoginPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *LogoutPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *MoneyMovePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *RequestDisassociationPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *RevealSensitivePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *RevokeAPIKeyPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *SendVerificationCodePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *SetCustomerFrozenPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *SetStepUpRequiredPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *SwitchAssociationTypePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *UpdateCustomerPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *CouponQuotaPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *IssueCouponsPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *WhitelistPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *IssueQuotaToResellersPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ReclaimResellerQuotaPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ReissueCouponPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ReclaimCouponsPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ServiceTypePayload) SetUserErrors(e []*UserError) { p.UserErrors = e }

// SetUserErrors implements the mutation payload contract.
func (p *ProductPayload) SetUserErrors(e []*UserError) { p.UserErrors = e }
