package demo

import (
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/customer"
)

func associationType(t customer.AssociationType) association.Type { return association.Type(t) }
