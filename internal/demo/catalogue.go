package demo

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/internal/money"
)

// The demo product catalogue (DOMAIN.md §5): six cloud service types with a few products each.
// "storage" is block storage: the demo quota's SERVICE_TYPES limit names it.

type demoProduct struct {
	code, zh, en, spec, modes, orders, monthly, onDemand, unit string
}

var demoCatalogue = []struct {
	code, zh, en string
	products     []demoProduct
}{
	{"compute", "弹性云服务器", "Elastic Cloud Server", []demoProduct{
		{"ecs.c7.large", "通用计算型 c7.large", "General purpose c7.large", "2 vCPU, 4 GiB", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "198.00", "0.45", "HOUR"},
		{"ecs.c7.xlarge", "通用计算型 c7.xlarge", "General purpose c7.xlarge", "4 vCPU, 8 GiB", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "396.00", "0.90", "HOUR"},
		{"ecs.m7.2xlarge", "内存优化型 m7.2xlarge", "Memory optimized m7.2xlarge", "8 vCPU, 64 GiB", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "1280.00", "2.95", "HOUR"},
		{"ecs.g7.gpu", "GPU 加速型 g7", "GPU accelerated g7", "8 vCPU, 32 GiB, 1 × T4", "SUBSCRIPTION", "NEW,RENEWAL,UNSUBSCRIBE", "3980.00", "0.00", ""},
	}},
	{"storage", "云硬盘", "Elastic Volume Service", []demoProduct{
		{"evs.ssd", "超高 IO 云硬盘", "Ultra-high I/O disk", "SSD, per 100 GB", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "100.00", "0.14", "GB_MONTH"},
		{"evs.sas", "高 IO 云硬盘", "High I/O disk", "SAS, per 100 GB", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "35.00", "0.05", "GB_MONTH"},
	}},
	{"oss", "对象存储", "Object Storage Service", []demoProduct{
		{"oss.standard", "标准存储", "Standard storage", "Per GB stored", "ON_DEMAND", "NEW,UNSUBSCRIBE", "0.00", "0.12", "GB_MONTH"},
		{"oss.archive", "归档存储", "Archive storage", "Per GB stored, 1-minute retrieval", "ON_DEMAND", "NEW,UNSUBSCRIBE", "0.00", "0.03", "GB_MONTH"},
		{"oss.package.500g", "标准存储资源包 500 GB", "Standard storage package 500 GB", "500 GB for a month", "SUBSCRIPTION", "NEW,RENEWAL", "49.00", "0.00", ""},
	}},
	{"database", "云数据库", "Cloud Database", []demoProduct{
		{"rds.mysql.2c4g", "云数据库 MySQL 2 核 4 GB", "MySQL 2 vCPU 4 GiB", "Primary/standby, 100 GB SSD", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "560.00", "1.20", "HOUR"},
		{"rds.pg.4c16g", "云数据库 PostgreSQL 4 核 16 GB", "PostgreSQL 4 vCPU 16 GiB", "Primary/standby, 200 GB SSD", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "1620.00", "3.50", "HOUR"},
		{"redis.4g", "分布式缓存 Redis 4 GB", "Redis 4 GB", "Master/standby", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "320.00", "0.68", "HOUR"},
	}},
	{"cdn", "内容分发网络", "Content Delivery Network", []demoProduct{
		{"cdn.traffic", "CDN 流量（中国大陆）", "CDN traffic (Chinese mainland)", "Per GB delivered", "ON_DEMAND", "NEW,UNSUBSCRIBE", "0.00", "0.20", "GB"},
		{"cdn.package.1t", "CDN 流量包 1 TB", "CDN traffic package 1 TB", "1 TB, valid for a month", "SUBSCRIPTION", "NEW", "150.00", "0.00", ""},
	}},
	{"security", "安全", "Security", []demoProduct{
		{"waf.standard", "Web 应用防火墙 标准版", "Web Application Firewall Standard", "10 domains, 2,000 QPS", "SUBSCRIPTION", "NEW,RENEWAL,CHANGE,UNSUBSCRIBE", "3880.00", "0.00", ""},
		{"ddos.basic", "DDoS 高防 基础版", "Anti-DDoS Basic", "20 Gbps protection", "SUBSCRIPTION", "NEW,RENEWAL,UNSUBSCRIBE", "2000.00", "0.00", ""},
		{"hss.host", "主机安全 企业版", "Host Security Enterprise", "Per protected server", "SUBSCRIPTION,ON_DEMAND", "NEW,RENEWAL,UNSUBSCRIBE", "90.00", "0.15", "HOUR"},
	}},
}

var demoRegions = "cn-north-1,cn-east-2,cn-south-1"

// catalogue creates the demo product catalogue.
func catalogue(ctx context.Context, c *ent.Client) error {
	for i, st := range demoCatalogue {
		t, err := c.ServiceType.Create().SetCode(st.code).SetNameZh(st.zh).SetNameEn(st.en).SetSortOrder(10 * (i + 1)).Save(ctx)
		if err != nil {
			return err
		}
		creates := make([]*ent.ProductCreate, 0, len(st.products))
		for _, p := range st.products {
			creates = append(creates, c.Product.Create().SetCode(p.code).SetServiceTypeID(t.ID).
				SetNameZh(p.zh).SetNameEn(p.en).SetSpec(p.spec).SetBillingModes(p.modes).SetOrderTypes(p.orders).
				SetMonthlyPrice(money.MustParse(p.monthly)).SetOnDemandPrice(money.MustParse(p.onDemand)).
				SetOnDemandUnit(p.unit).SetRegions(demoRegions))
		}
		if err := c.Product.CreateBulk(creates...).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
