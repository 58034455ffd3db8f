/**
 * A small college in every state the hand-in must show honestly: a grading
 * trail, a risk without grade (an error), one without probability, a staff
 * member who did not sign, one with no register, a late signature, a
 * department register approved by the wrong leader, a department with no
 * department register, a power without code, a department-level risk.
 */
export const COLLEGE = `
organization 测试学院 {
    campaign "查找风险阶段" due 2012-11-15
    leader 甲领导 "分管甲处的副院长"
    leader 乙领导 "分管乙处的副院长"
    group 领导小组 "廉政风险防控工作领导小组" { members 甲领导, 乙领导 }
}
`;

export const BASES = `
basis 会计法 law "中华人民共和国会计法" {
    article 第九条 "条文九"
    article 第十条 "条文十"
}
basis 内部制度 internal "学院内部制度"
`;

export const DEPT_A = `
department 甲处 "甲处(财务)" {
    leader 甲领导
    post 处长 "主持工作"
    post 会计 "会计核算"
    staff 张三 post 处长
    staff 李四 post 会计
    staff 王五 post 会计

    power 报销审核 {
        code "JA-01"
        category finance
        content "审核报销"
        responsible 会计
        basis 会计法.第九条, 会计法.第十条, 内部制度
        flow external limit 5 workdays {
            step 初审 by 会计 within 2 workdays
            step 复核 by 处长 within 1 workday
        }
        flow internal {
            step 记账 by 会计 within 1 workday
        }
        risk 虚假报销 at 初审 {
            description "审核不严"
            aspect process
            probability medium
            harm high
            cause "制度执行不到位"
            grade medium
            owner 李四
            found by 李四 self
            proposed low by 李四
            final high
            measure "双人签字" by 处长 within 30 days
        }
        risk 无等级 {
            description "未评定等级"
            aspect duty
            owner 王五
            found by 张三 colleague
        }
    }

    risk 制度滞后 {
        description "制度更新滞后"
        aspect mechanism
        probability low
        harm low
        grade low
        owner 张三
        found by 王五 mutual
        measure "每学期修订"
    }

    register 张三 {
        risks 制度滞后
        signed 2012-11-20
    }
    register 李四 {
        risks 虚假报销
    }
    register department {
        reviewed 2012-11-01 "处务会"
        approved by 乙领导 on 2012-11-02
    }
}
`;

export const DEPT_B = `
department 乙处 "乙处" {
    leader 乙领导
    post 科长 "负责招生"
    staff 赵六 post 科长

    power 录取审批 {
        category student
        major
        content "审批录取名单"
        responsible 科长
        basis 内部制度
        flow internal {
            step 集体研究 by 科长 collective within 1 day
        }
        risk 违规录取 at 集体研究 {
            description "违规录取"
            aspect duty
            probability high
            harm high
            grade high
            owner 赵六
            found by 赵六 self
            measure "录取名单公示" by 科长
        }
    }
    power 其他事项 {
        category other
        content "其他"
        responsible 科长
        basis 内部制度
    }

    register 赵六 {
        risks 违规录取
        signed 2012-11-10
    }
}
`;

export const FIXTURE_FILES = {
    'college.sun': COLLEGE,
    'bases.sun': BASES,
    'departments/a.sun': DEPT_A,
    'departments/b.sun': DEPT_B
};
