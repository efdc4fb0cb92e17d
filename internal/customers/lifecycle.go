package customers

import (
	"context"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/sms"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// coolingMonths: a customer goes through at most one disassociation or type switch per 3 months.
const coolingMonths = 3

// Grace periods (按需资源宽限期) raised by association changes.
const (
	resaleGraceDays        = 1
	disassociatedGraceDays = 7
)

// Service runs the lifecycle. OnDisassociate is the one hook where what the partner allocated
// returns to the partner: the money ledger plugs in here, inside the disassociation's
// transaction; nil means nothing to return yet.
type Service struct {
	SMS            sms.Sender
	OnDisassociate func(ctx context.Context, c *ent.Client, cu *ent.Customer, partnerID gid.ID) error
	// ReclaimCoupons takes back, inside the flow's transaction, the usable coupons issuer issued to
	// a customer, recording typ (the ledger's ReclaimCustomerCoupons; nil: none to take back).
	ReclaimCoupons func(ctx context.Context, c *ent.Client, customerID, issuer gid.ID, typ couponrecord.Type) error
}

func (s *Service) reclaimCoupons(ctx context.Context, c *ent.Client, customerID, issuer gid.ID, typ couponrecord.Type) error {
	if s.ReclaimCoupons == nil {
		return nil
	}
	return s.ReclaimCoupons(ctx, c, customerID, issuer, typ)
}

func trimmed(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

// CreateInput is a new customer (创建客户).
type CreateInput struct {
	AccountName, Name, Mobile, Email string
	ProvinceCode, CityCode           *string
	Label, Remark                    *string
	Type                             customer.AssociationType
	VerificationCode                 string
}

// Create registers a customer with its cloud account and associates it with the viewer's partner
// in the chosen type. A customer manager who creates one is assigned to it.
func (s *Service) Create(ctx context.Context, c *ent.Client, in CreateInput) (*ent.Customer, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerStaff() || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "only a partner's staff create customers")
	}
	in.AccountName, in.Name = strings.TrimSpace(in.AccountName), strings.TrimSpace(in.Name)
	in.Mobile, in.Email = strings.TrimSpace(in.Mobile), strings.TrimSpace(in.Email)
	if err := ValidateAccountName(in.AccountName); err != nil {
		return nil, err
	}
	if in.Name == "" || len([]rune(in.Name)) > 200 {
		return nil, apperr.BadInput("name", "the customer name needs 1 to 200 characters")
	}
	if err := ValidateMobile(in.Mobile); err != nil {
		return nil, err
	}
	if err := ValidateEmail(in.Email); err != nil {
		return nil, err
	}
	if err := customer.AssociationTypeValidator(in.Type); err != nil {
		return nil, apperr.BadInput("associationType", "the association type is ADVISORY or RESALE")
	}
	checks, err := CheckRegistration(ctx, c, &in.AccountName, &in.Mobile, &in.Email)
	if err != nil {
		return nil, err
	}
	for _, ch := range checks {
		if !ch.Available {
			return nil, &apperr.Error{Code: apperr.BadUserInput, Field: ch.Field, Reason: "TAKEN",
				Message: ch.Field + " is already registered to another customer"}
		}
	}
	if err := consumeCode(ctx, c, in.Mobile, in.VerificationCode); err != nil {
		return nil, err
	}
	now := Now()
	q := c.Customer.Create().SetAccountName(in.AccountName).SetName(in.Name).SetMobile(in.Mobile).
		SetEmail(in.Email).SetNillableProvinceCode(in.ProvinceCode).SetNillableCityCode(in.CityCode).
		SetPartnerID(v.PartnerID).SetAssociationType(in.Type).SetAssociatedAt(now).SetCreatedAt(now)
	if l := trimmed(in.Label); l != "" {
		q.SetLabel(l)
	}
	if r := trimmed(in.Remark); r != "" {
		q.SetRemark(r)
	}
	if in.Type == customer.AssociationTypeRESALE {
		q.SetGracePeriodDays(resaleGraceDays)
	}
	if v.Role == viewer.RoleCustomerManager {
		q.SetManagerID(v.UserID).SetManagerAssignedAt(now)
	}
	cu, err := q.Save(ctx)
	if ent.IsConstraintError(err) { // a concurrent registration took the name, mobile or email
		return nil, apperr.Refuse(apperr.BadUserInput, "TAKEN", "the login name, mobile or email was just registered to another customer")
	}
	if err != nil {
		return nil, err
	}
	if err := c.Association.Create().SetCustomerID(cu.ID).SetPartnerID(v.PartnerID).
		SetType(association.Type(in.Type)).SetSince(now).Exec(ctx); err != nil {
		return nil, err
	}
	if err := ledger.EnsureAccounts(ctx, c, ledger.CustomerOwn(cu.ID), ledger.CustomerAllocated(cu.ID)); err != nil {
		return nil, err
	}
	if v.Role == viewer.RoleCustomerManager {
		if err := c.ManagerAssignment.Create().SetCustomerID(cu.ID).SetPartnerID(v.PartnerID).
			SetManagerID(v.UserID).SetAssignedByName(v.DisplayName).SetAssignedAt(now).Exec(ctx); err != nil {
			return nil, err
		}
	}
	to := associationevent.ToType(in.Type)
	if err := event(ctx, c, cu.ID, v.PartnerID, associationevent.KindASSOCIATED, associationevent.InitiatorPARTNER,
		nil, &to, "created by the partner", associationevent.StatusDONE); err != nil {
		return nil, err
	}
	return cu, nil
}

func event(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID, kind associationevent.Kind,
	initiator associationevent.Initiator, from *associationevent.FromType, to *associationevent.ToType,
	reason string, status associationevent.Status) error {
	v := viewer.FromContext(ctx)
	q := c.AssociationEvent.Create().SetCustomerID(customerID).SetPartnerID(partnerID).SetKind(kind).
		SetInitiator(initiator).SetNillableFromType(from).SetNillableToType(to).SetReason(reason).
		SetStatus(status).SetCreatedAt(Now())
	if v != nil {
		q.SetOperatorID(v.UserID).SetOperatorName(v.DisplayName)
	}
	return q.Exec(ctx)
}

// loadForPartner finds a customer the viewer's partner may act on (privacy-filtered), currently
// associated with a partner.
func loadForPartner(ctx context.Context, c *ent.Client, id gid.ID) (*ent.Customer, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerStaff() || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "only the customer's partner may do this")
	}
	cu, err := c.Customer.Query().Where(customer.ID(id), predicate.Customer(dbx.ForUpdate)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no customer with this ID")
	}
	if err != nil {
		return nil, err
	}
	if cu.PartnerID == nil || cu.AssociationType == nil {
		return nil, apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with a partner")
	}
	return cu, nil
}

// checkCooling refuses a second type switch or disassociation within 3 months.
func checkCooling(ctx context.Context, c *ent.Client, customerID gid.ID) error {
	since := Now().AddDate(0, -coolingMonths, 0)
	last, err := c.AssociationEvent.Query().Where(associationevent.CustomerID(customerID),
		associationevent.KindIn(associationevent.KindTYPE_SWITCHED, associationevent.KindDISASSOCIATED),
		associationevent.StatusEQ(associationevent.StatusDONE), associationevent.CreatedAtGT(since)).
		Order(ent.Desc(associationevent.FieldCreatedAt)).First(viewer.SystemContext(ctx)) // the rule spans partners
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	next := last.CreatedAt.AddDate(0, coolingMonths, 0)
	return apperr.Refuse(apperr.BadUserInput, "COOLING_PERIOD",
		"a customer may change its association (type switch or disassociation) once in 3 months; the last change was on %s, the next is possible from %s",
		last.CreatedAt.Format("2006-01-02"), next.Format("2006-01-02"))
}

// checkNoOwnBalance is the condition of resale (以代售模式关联的条件).
func checkNoOwnBalance(ctx context.Context, c *ent.Client, cu *ent.Customer) error {
	own, err := ledger.OwnBalance(ctx, c, cu.ID)
	if err != nil {
		return err
	}
	if own.IsPositive() {
		return apperr.Refuse(apperr.BadUserInput, "OWN_BALANCE",
			"the customer has a recharged balance of its own; it must withdraw it before it can be associated in resale mode")
	}
	return nil
}

func pendingRequest(ctx context.Context, c *ent.Client, customerID gid.ID) (bool, error) {
	return c.AssociationEvent.Query().Where(associationevent.CustomerID(customerID),
		associationevent.KindEQ(associationevent.KindDISASSOCIATION_REQUESTED),
		associationevent.StatusEQ(associationevent.StatusPENDING)).Exist(ctx)
}

// SwitchType changes a customer's association type (切换客户关联类型).
func (s *Service) SwitchType(ctx context.Context, c *ent.Client, id gid.ID, to customer.AssociationType, reason string) (*ent.Customer, error) {
	cu, err := loadForPartner(ctx, c, id)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin switches association types")
	}
	if err := customer.AssociationTypeValidator(to); err != nil {
		return nil, apperr.BadInput("type", "the association type is ADVISORY or RESALE")
	}
	if *cu.AssociationType == to {
		return nil, apperr.Refuse(apperr.BadUserInput, "SAME_TYPE", "the customer is already associated in %s mode", to)
	}
	if err := checkCooling(ctx, c, cu.ID); err != nil {
		return nil, err
	}
	if pending, err := pendingRequest(ctx, c, cu.ID); err != nil {
		return nil, err
	} else if pending {
		return nil, apperr.Refuse(apperr.Conflict, "PENDING_REQUEST", "a disassociation request is pending; decide it first")
	}
	if to == customer.AssociationTypeRESALE {
		if err := checkNoOwnBalance(ctx, c, cu); err != nil {
			return nil, err
		}
	}
	now := Now()
	from := associationevent.FromType(*cu.AssociationType)
	if err := restartAssociation(ctx, c, cu.ID, *cu.PartnerID, to, now); err != nil {
		return nil, err
	}
	upd := c.Customer.UpdateOne(cu).SetAssociationType(to)
	if to == customer.AssociationTypeRESALE && cu.GracePeriodDays < resaleGraceDays {
		upd.SetGracePeriodDays(resaleGraceDays)
	}
	if to == customer.AssociationTypeADVISORY {
		upd.SetFrozen(false) // freezing is for resale customers
	}
	cu, err = upd.Save(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.reclaimCoupons(ctx, c, cu.ID, *cu.PartnerID, couponrecord.TypeRECLAIMED_ON_TYPE_SWITCH); err != nil {
		return nil, err
	}
	tt := associationevent.ToType(to)
	if err := event(ctx, c, cu.ID, *cu.PartnerID, associationevent.KindTYPE_SWITCHED, associationevent.InitiatorPARTNER,
		&from, &tt, strings.TrimSpace(reason), associationevent.StatusDONE); err != nil {
		return nil, err
	}
	return cu, nil
}

// RequestDisassociation asks to end the association (解除关联): the partner asks and the customer
// decides, or the customer asks and the partner approves or rejects.
func (s *Service) RequestDisassociation(ctx context.Context, c *ent.Client, id gid.ID, reason string, code *string) (*ent.AssociationEvent, error) {
	v := viewer.FromContext(ctx)
	reason = strings.TrimSpace(reason)
	if reason == "" || len([]rune(reason)) > 500 {
		return nil, apperr.BadInput("reason", "give a reason of 1 to 500 characters")
	}
	var cu *ent.Customer
	initiator := associationevent.InitiatorPARTNER
	switch {
	case v.IsCustomer():
		if v.CustomerID != id {
			return nil, apperr.New(apperr.NotFound, "no customer with this ID")
		}
		var err error
		if cu, err = c.Customer.Query().Where(customer.ID(id), predicate.Customer(dbx.ForUpdate)).Only(ctx); err != nil {
			return nil, err
		}
		if cu.PartnerID == nil {
			return nil, apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "you are not associated with a partner")
		}
		initiator = associationevent.InitiatorCUSTOMER
	default:
		var err error
		if cu, err = loadForPartner(ctx, c, id); err != nil {
			return nil, err
		}
		if !mayDecideForPartner(v, cu) {
			return nil, apperr.New(apperr.Forbidden, "only a partner admin or the customer's assigned manager may ask to disassociate")
		}
		if err := stepup.Check(ctx, c, "disassociating a customer", code); err != nil {
			return nil, err
		}
	}
	if err := checkCooling(ctx, c, cu.ID); err != nil {
		return nil, err
	}
	if pending, err := pendingRequest(ctx, c, cu.ID); err != nil {
		return nil, err
	} else if pending {
		return nil, apperr.Refuse(apperr.Conflict, "PENDING_REQUEST", "a disassociation request is already pending for this customer")
	}
	from := associationevent.FromType(*cu.AssociationType)
	q := c.AssociationEvent.Create().SetCustomerID(cu.ID).SetPartnerID(*cu.PartnerID).
		SetKind(associationevent.KindDISASSOCIATION_REQUESTED).SetInitiator(initiator).SetFromType(from).
		SetReason(reason).SetStatus(associationevent.StatusPENDING).SetCreatedAt(Now()).
		SetOperatorID(v.UserID).SetOperatorName(v.DisplayName)
	return q.Save(ctx)
}

// mayDecideForPartner: a partner admin (or distributor for its reseller) or the assigned manager.
func mayDecideForPartner(v *viewer.Viewer, cu *ent.Customer) bool {
	if v.IsPartnerAdmin() {
		return cu.PartnerID != nil && v.MayActFor(*cu.PartnerID)
	}
	return v.Role == viewer.RoleCustomerManager && cu.ManagerID != nil && *cu.ManagerID == v.UserID
}

// DecideDisassociation approves or rejects a pending request (同意/驳回). The side that did not
// ask decides; approving ends the association at once.
func (s *Service) DecideDisassociation(ctx context.Context, c *ent.Client, eventID gid.ID, approve bool, reason string, code *string) (*ent.AssociationEvent, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "read-only credentials cannot decide requests")
	}
	ev, err := c.AssociationEvent.Get(ctx, eventID)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no request with this ID")
	}
	if err != nil {
		return nil, err
	}
	if ev.Kind != associationevent.KindDISASSOCIATION_REQUESTED || ev.Status != associationevent.StatusPENDING {
		return nil, apperr.Refuse(apperr.BadUserInput, "NOT_PENDING", "this request is not pending")
	}
	cu, err := c.Customer.Query().Where(customer.ID(ev.CustomerID), predicate.Customer(dbx.ForUpdate)).Only(ctx)
	if err != nil {
		return nil, err
	}
	switch ev.Initiator {
	case associationevent.InitiatorPARTNER:
		if !v.IsCustomer() || v.CustomerID != ev.CustomerID {
			return nil, apperr.Refuse(apperr.Forbidden, "NOT_YOUR_DECISION", "the customer decides on a request its partner made")
		}
	case associationevent.InitiatorCUSTOMER:
		if v.IsCustomer() || !mayDecideForPartner(v, cu) {
			return nil, apperr.Refuse(apperr.Forbidden, "NOT_YOUR_DECISION", "the partner's admin or the customer's assigned manager decides on a request the customer made")
		}
		if approve {
			if err := stepup.Check(ctx, c, "disassociating a customer", code); err != nil {
				return nil, err
			}
		}
	}
	now := Now()
	status := associationevent.StatusREJECTED
	if approve {
		status = associationevent.StatusAPPROVED
	}
	ev, err = c.AssociationEvent.UpdateOne(ev).SetStatus(status).SetDecidedAt(now).
		SetDecidedByName(v.DisplayName).SetDecisionReason(strings.TrimSpace(reason)).Save(ctx)
	if err != nil {
		return nil, err
	}
	if approve {
		initiator := associationevent.InitiatorPARTNER
		if v.IsCustomer() {
			initiator = associationevent.InitiatorCUSTOMER
		}
		if err := s.disassociate(ctx, c, cu, initiator, ev.Reason); err != nil {
			return nil, err
		}
	}
	return ev, nil
}

// disassociate ends the customer's association: the allocated balance returns to the partner
// (OnDisassociate), the grace period of a resale customer rises to 7 days, and its manager goes.
func (s *Service) disassociate(ctx context.Context, c *ent.Client, cu *ent.Customer, initiator associationevent.Initiator, reason string) error {
	partnerID := *cu.PartnerID
	if s.OnDisassociate != nil {
		if err := s.OnDisassociate(ctx, c, cu, partnerID); err != nil {
			return err
		}
	}
	now := Now()
	if err := endAssociation(ctx, c, cu.ID, now); err != nil {
		return err
	}
	if err := endManagerAssignment(ctx, c, cu.ID, now); err != nil {
		return err
	}
	from := associationevent.FromType(*cu.AssociationType)
	upd := c.Customer.UpdateOne(cu).ClearPartnerID().ClearAssociationType().ClearAssociatedAt().
		ClearManagerID().ClearManagerAssignedAt().SetFrozen(false)
	if *cu.AssociationType == customer.AssociationTypeRESALE && cu.GracePeriodDays < disassociatedGraceDays {
		upd.SetGracePeriodDays(disassociatedGraceDays)
	}
	if err := upd.Exec(ctx); err != nil {
		return err
	}
	return event(ctx, c, cu.ID, partnerID, associationevent.KindDISASSOCIATED, initiator, &from, nil, reason, associationevent.StatusDONE)
}

// SetFrozen freezes or unfreezes a resale customer (冻结/解冻), with a reason.
func (s *Service) SetFrozen(ctx context.Context, c *ent.Client, id gid.ID, frozen bool, reason string) (*ent.Customer, error) {
	cu, err := loadForPartner(ctx, c, id)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	if !mayDecideForPartner(v, cu) {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin or the customer's assigned manager may freeze a customer")
	}
	if *cu.AssociationType != customer.AssociationTypeRESALE {
		return nil, apperr.Refuse(apperr.BadUserInput, "NOT_RESALE", "only resale customers can be frozen")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || len([]rune(reason)) > 500 {
		return nil, apperr.BadInput("reason", "give a reason of 1 to 500 characters")
	}
	if cu.Frozen == frozen {
		state := "not frozen"
		if frozen {
			state = "already frozen"
		}
		return nil, apperr.Refuse(apperr.BadUserInput, "UNCHANGED", "the customer is %s", state)
	}
	cu, err = c.Customer.UpdateOne(cu).SetFrozen(frozen).Save(ctx)
	if err != nil {
		return nil, err
	}
	kind := associationevent.KindUNFROZEN
	if frozen {
		kind = associationevent.KindFROZEN
	}
	return cu, event(ctx, c, cu.ID, *cu.PartnerID, kind, associationevent.InitiatorPARTNER, nil, nil, reason, associationevent.StatusDONE)
}

// Update sets a customer's label and remark (a nil leaves it, an empty string clears it).
func (s *Service) Update(ctx context.Context, c *ent.Client, id gid.ID, label, remark *string) (*ent.Customer, error) {
	cu, err := loadForPartner(ctx, c, id)
	if err != nil {
		return nil, err
	}
	upd := c.Customer.UpdateOne(cu)
	if label != nil {
		if l := strings.TrimSpace(*label); l == "" {
			upd.ClearLabel()
		} else if len([]rune(l)) > 50 {
			return nil, apperr.BadInput("label", "a label has at most 50 characters")
		} else {
			upd.SetLabel(l)
		}
	}
	if remark != nil {
		if r := strings.TrimSpace(*remark); r == "" {
			upd.ClearRemark()
		} else if len([]rune(r)) > 500 {
			return nil, apperr.BadInput("remark", "a remark has at most 500 characters")
		} else {
			upd.SetRemark(r)
		}
	}
	return upd.Save(ctx)
}
