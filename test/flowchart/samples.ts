/**
 * A realistic large power (a procurement with 20 steps and decisions, loops
 * back for correction, a collective decision, risks of every grade) used by
 * the layout tests and the timing benchmark.
 */
export const PROCUREMENT = `department 资产处 "资产与实验室管理处" {
    leader 院长
    post 处长 "主持全面工作"
    post 采购专员 "采购执行"
    post 验收员 "验收"
    role 使用部门 external "提出采购需求的部门"
    role 供应商 external "参与投标的供应商"
    staff 甲 post 处长
    staff 乙 post 采购专员

    power 物资设备采购 {
        code "ZC-03"
        category assets
        content "组织学院物资、设备的政府采购与自行采购"
        responsible 处长
        basis 三定方案
        major

        flow internal limit 60 workdays {
            step 提出采购申请 by 使用部门 within 3 workdays
            step 需求论证 by 采购专员 within 5 workdays
            decision 论证是否通过 by 处长 {
                "通过" -> 编制预算
                "退回修改" -> 提出采购申请
            }
            step 编制预算 by 采购专员 within 3 workdays
            decision 金额是否超过限额 by 处长 {
                "超过限额" -> 领导小组审议
                "未超过" -> 处长审批
            }
            step 领导小组审议 by 院长 collective within 10 workdays -> 确定采购方式
            step 处长审批 by 处长 within 2 workdays
            step 确定采购方式 by 处长 within 2 workdays
            decision 是否公开招标 by 处长 {
                "公开招标" -> 编制招标文件
                "询价采购" -> 询价
                "单一来源" -> 单一来源论证
            }
            step 编制招标文件 by 采购专员 within 5 workdays
            step 发布招标公告 by 采购专员 within 1 workday
            step 开标评标 by 处长 collective within 3 workdays -> 公示结果
            step 询价 by 采购专员 within 5 workdays -> 公示结果
            step 单一来源论证 by 处长 collective within 5 workdays
            step 公示结果 by 采购专员 within 3 workdays
            decision 有无质疑 by 处长 {
                "有质疑" -> 处理质疑
                "无质疑" -> 签订合同
            }
            step 处理质疑 by 处长 within 7 workdays -> 公示结果
            step 签订合同 by 处长 within 5 workdays
            step 供货安装 by 供应商
            step 组织验收 by 验收员 within 5 workdays
            decision 验收是否合格 by 处长 {
                "不合格" -> 供货安装
                "合格" -> 支付货款
            }
            step 支付货款 by 采购专员 within 5 workdays
            step 资料归档 by 采购专员 within 2 workdays -> end
        }

        risk 需求虚报 at 需求论证 {
            description "论证走过场,虚报、超标准采购"
            aspect process
            grade medium
            measure "需求论证须有两名以上专家参加" by 处长
        }
        risk 规避招标 at 确定采购方式 {
            description "化整为零、规避公开招标"
            aspect process
            grade high
            measure "同一品目年度累计金额超限的一律公开招标" by 处长 within 10 days
        }
        risk 评标不公 at 开标评标 {
            description "评标专家与供应商串通"
            aspect duty
            grade high
            measure "评标专家随机抽取,全程录像" by 处长
        }
        risk 泄露标底 at 编制招标文件 {
            description "泄露标底或设置倾向性条款"
            aspect duty
            grade medium
            measure "招标文件会审" by 处长
        }
        risk 验收不严 at 组织验收 {
            description "验收把关不严"
            aspect duty
            grade low
            measure "验收双人签字" by 处长
        }
        risk 档案缺失 {
            description "采购档案不完整"
            aspect mechanism
            grade low
        }
    }
}
`;

export const PROCUREMENT_FILES: Record<string, string> = {
    'college.sun': 'organization 学院 {\n    leader 院长 "院长"\n}\n',
    'bases.sun': 'basis 三定方案 internal "三定方案"\n',
    'assets.sun': PROCUREMENT
};
