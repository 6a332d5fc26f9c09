"""Portal-like web pages written for the tests, modelled on the templates of real government portals
(the gov.cn policy library, a city portal with a label table, a Zhejiang ZJEG page, an old TRS page laid
out with tables, a bare page). Each page comes with the body sentences that must be indexed and the
furniture that must not be."""

from __future__ import annotations

from dataclasses import dataclass, field

SCRIPT = """<script type="text/javascript">
var shareTitle = '分享到微信朋友圈'; document.write('<div class="ewm">扫一扫在手机打开当前页</div>');
$(function(){ $('.font-size a').click(function(){ alert('字号调整：大 中 小'); }); });
</script>"""
STYLE = "<style>.nav li{float:left} .footer{color:#666} /* 版权所有 */</style>"
ACCESS = ('<div class="wza-bar" id="barrierfree_container"><a href="#">无障碍浏览</a> <a href="#">长者模式</a>'
          ' <a href="#">繁體</a> <a href="#">English</a></div>')
NAV = ('<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
       '<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本市</a></li>'
       '</ul></div>')
SHARE = ('<div class="share"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a>'
         '<a class="bds_qzone">QQ空间</a></div><div class="print"><a href="javascript:window.print()">【打印本页】</a>'
         '<a href="javascript:window.close()">【关闭窗口】</a></div>')
RELATED = ('<div class="xgwj related"><h3>相关链接</h3><ul><li><a href="/a.html">关于开展2024年度社区养老服务评估的通知</a></li>'
           '<li><a href="/b.html">市民政局2023年工作总结</a></li></ul></div>')
FOOTER = ('<div class="footer"><p>主办单位：{site}　承办单位：{site}办公室</p>'
          '<p>版权所有：{site}　网站标识码：4401000037　<a href="https://beian.miit.gov.cn/">粤ICP备12345678号</a>'
          '　粤公网安备 44010402001234号</p><p>技术支持：数字政府运营中心</p></div>')
FURNITURE = ["分享到", "微信朋友圈", "扫一扫", "无障碍", "长者模式", "版权所有", "网站标识码", "ICP备", "公网安备", "技术支持",
             "打印本页", "关闭窗口", "相关链接", "社区养老服务评估的通知", "政务公开", "办事服务", "互动交流", "字号",
             "shareTitle", "document.write", "float:left", "当前位置"]


@dataclass
class Page:
    name: str
    html: str
    title: str
    body: list[str]  # sentences that must be in some chunk
    fields: dict[str, str] = field(default_factory=dict)  # expected metadata
    encoding: str = "utf-8"
    furniture: list[str] = field(default_factory=lambda: list(FURNITURE))
    headings: list[str] = field(default_factory=list)  # headings the chunks must carry

    def data(self) -> bytes:
        return self.html.encode(self.encoding)


def _shell(head: str, body: str, site: str) -> str:
    return (f"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n{head}\n{STYLE}\n{SCRIPT}\n</head>\n<body>\n"
            f"{ACCESS}\n<div class=\"header\"><div class=\"logo\">{site}</div>{NAV}</div>\n{body}\n"
            f"{FOOTER.format(site=site)}\n{SCRIPT}\n</body>\n</html>\n")


def govcn_policy() -> Page:
    """gov.cn policy library: meta tags with firstpublishedtime, a label table, #UCAP-CONTENT."""
    title = "国务院办公厅关于发展银发经济增进老年人福祉的意见"
    head = (f'<meta name="firstpublishedtime" content="2024-01-15-18:50:12">\n'
            f'<meta name="lastmodifiedtime" content="2024-01-16-09:00:00">\n'
            f'<meta name="ArticleTitle" content="{title}">\n<meta name="SiteName" content="中国政府网">\n'
            f'<meta name="ContentSource" content="国务院办公厅">\n<title>{title}_国务院文件_中国政府网</title>')
    body = f"""
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt; 国务院文件</div>
<div class="mxxgkwrap"><table class="border-table noneBorder pages_content" cellpadding="0" cellspacing="0">
<tbody>
<tr><td class="textLabel"><b>索<i class="i1"></i>引<i class="i1"></i>号：</b></td><td class="w340">000014349/2024-00005</td>
<td class="textLabel"><b>主题分类：</b></td><td>民政、扶贫、救灾\\老龄工作</td></tr>
<tr><td class="textLabel"><b>发文机关：</b></td><td>国务院办公厅</td><td class="textLabel"><b>成文日期：</b></td><td>2024年01月11日</td></tr>
<tr><td class="textLabel"><b>标<i class="i2"></i>题：</b></td><td colspan="3">{title}</td></tr>
<tr><td class="textLabel"><b>发文字号：</b></td><td>国办发〔2024〕1号</td><td class="textLabel"><b>发布日期：</b></td><td>2024年01月15日</td></tr>
</tbody></table></div>
<div class="pages_content" id="UCAP-CONTENT">
<p style="text-align: center;"><strong>{title}</strong></p>
<p style="text-align: center;">国办发〔2024〕1号</p>
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>　　银发经济是向老年人提供产品或服务，以及为老龄阶段做准备等一系列经济活动的总和。经国务院同意，现提出如下意见。</p>
<p>　　<strong>一、发展民生事业，解决急难愁盼</strong></p>
<p>　　<span style="font-family: 楷体, 楷体_GB2312;">（一）扩大老年助餐服务。</span>发展社区老年助餐服务，构建多元主体参与的老年助餐服务网络。</p>
<p>　　<span style="font-family: 楷体, 楷体_GB2312;">（二）拓展居家助老服务。</span>探索“物业服务+养老服务”模式，支持物业服务企业开展居家养老服务。</p>
<p>　　<strong>二、扩大产品供给，提升质量水平</strong></p>
<p>　　<span style="font-family: 楷体;">（三）培育银发经济经营主体。</span>充分发挥市场在资源配置中的决定性作用，培育一批银发经济领军企业。</p>
<table border="1"><tbody>
<tr><td>序号</td><td>任务</td><td>牵头单位</td></tr>
<tr><td>1</td><td>扩大老年助餐服务</td><td>民政部</td></tr>
<tr><td>2</td><td>拓展居家助老服务</td><td>民政部、住房城乡建设部</td></tr>
</tbody></table>
<p style="text-align: right;">国务院办公厅</p>
<p style="text-align: right;">2024年1月11日</p>
<p>　　（此件公开发布）</p>
</div>
{SHARE}
{RELATED}
<div class="pages-date">2024-01-15 18:50　来源：新华社</div>"""
    return Page("govcn_policy.html", _shell(head, body, "中国政府网"), title,
                ["银发经济是向老年人提供产品或服务", "构建多元主体参与的老年助餐服务网络", "培育一批银发经济领军企业",
                 "| 1 | 扩大老年助餐服务 | 民政部 |"],
                {"issuer": "国务院办公厅", "doc_number": "国办发〔2024〕1号", "written_date": "2024-01-11",
                 "published_date": "2024-01-15", "date": "2024-01-11"},
                headings=["一、发展民生事业，解决急难愁盼", "（一）扩大老年助餐服务", "（二）拓展居家助老服务",
                          "二、扩大产品供给，提升质量水平", "（三）培育银发经济经营主体"])


def city_portal() -> Page:
    """A city portal (Guangzhou-style): meta tags, a label list with full-width padded labels, #zoom."""
    title = "广州市民政局关于印发广州市社区居家养老服务管理办法的通知"
    head = (f'<meta name="SiteName" content="广州市人民政府门户网站">\n<meta name="SiteDomain" content="www.gz.gov.cn">\n'
            f'<meta name="ColumnName" content="规范性文件">\n<meta name="ArticleTitle" content="{title}">\n'
            f'<meta name="PubDate" content="2023-06-02 10:21">\n<meta name="ContentSource" content="广州市民政局">\n'
            f'<title>{title}-广州市人民政府门户网站</title>')
    body = f"""
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 规范性文件</div>
<div class="xxgk_info"><ul>
<li><span>索&nbsp;引&nbsp;号：</span>11440100MB2C91234X/2023-00123</li>
<li><span>分　　类：</span>社会保障、民政</li>
<li><span>发布机构：</span>广州市民政局</li>
<li><span>成文日期：</span>2023-05-26</li>
<li><span>文　　号：</span>穗民规字〔2023〕6号</li>
<li><span>发布日期：</span>2023-06-02</li>
<li><span>实施日期：</span>2023-07-01</li>
<li><span>失效日期：</span>2026-06-30</li>
<li><span>有 效 性：</span>有效</li>
</ul></div>
<div class="content">
<h1 class="content_title">{title}</h1>
<div class="font-size">字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="info_cont" id="zoom">
<p>各区民政局，市各有关单位：</p>
<p>　　现将《广州市社区居家养老服务管理办法》印发给你们，请遵照执行。</p>
<p style="text-align:center"><b>第一章　总　则</b></p>
<p>　　<b>第一条</b>　为规范本市社区居家养老服务管理，根据有关规定，结合本市实际，制定本办法。</p>
<p>　　<b>第二条</b>　本办法适用于本市行政区域内社区居家养老服务的提供及其监督管理活动。</p>
<p style="text-align:center"><b>第二章　服务内容</b></p>
<p>　　<b>第三条</b>　社区居家养老服务包括助餐配餐、助浴助洁、康复护理、精神慰藉等服务。</p>
<p>　　<b>第四条</b>　区民政部门应当每年对辖区内长者饭堂的助餐服务质量进行评估。</p>
<p>　　附件：<a href="/attach/1.doc">广州市社区居家养老服务评估指标.doc</a></p>
<p style="text-align:right">广州市民政局</p>
<p style="text-align:right">2023年5月26日</p>
</div>
{SHARE}
</div>
{RELATED}"""
    return Page("city_portal.html", _shell(head, body, "广州市人民政府门户网站"), title,
                ["现将《广州市社区居家养老服务管理办法》印发给你们", "为规范本市社区居家养老服务管理",
                 "社区居家养老服务包括助餐配餐、助浴助洁、康复护理、精神慰藉等服务", "对辖区内长者饭堂的助餐服务质量进行评估"],
                {"issuer": "广州市民政局", "doc_number": "穗民规字〔2023〕6号", "written_date": "2023-05-26",
                 "published_date": "2023-06-02", "effective_date": "2023-07-01", "expiry_date": "2026-06-30",
                 "date": "2023-05-26", "city": "广州市"},
                headings=["第一章　总　则", "第二章　服务内容"])


def zjeg_page() -> Page:
    """A Zhejiang portal page: ZJEG_RSS content markers, meta tags only (no label block)."""
    title = "舟山市民政局2024年工作要点"
    head = (f'<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="2024-03-08 16:30">\n'
            f'<meta name="ContentSource" content="舟山市民政局">\n<meta name="SiteName" content="舟山市人民政府">\n'
            f'<title>{title}</title>')
    body = f"""
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 计划总结</div>
<div class="main"><div class="title">{title}</div>
<div class="info">发布时间：2024-03-08 16:30　信息来源：舟山市民政局　浏览次数：<span id="hits">1024</span></div>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<p>　　2024年全市民政工作的总体要求是：坚持以人民为中心，兜牢民生底线。</p>
<p>　　<strong>一、聚焦兜底保障</strong></p>
<p>　　1.完善社会救助体系。推进低收入人口动态监测，年内救助对象认定准确率达到98%以上。</p>
<p>　　2.提升养老服务水平。新增认知障碍照护床位200张，养老机构护理员持证率提高到95%。</p>
<p>　　<strong>二、深化殡葬改革</strong></p>
<p>　　3.推进节地生态安葬。海葬补贴标准提高到每例3000元。</p>
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
{SHARE}
</div>"""
    return Page("zjeg_page.html", _shell(head, body, "舟山市人民政府"), title,
                ["坚持以人民为中心，兜牢民生底线", "养老机构护理员持证率提高到95%", "海葬补贴标准提高到每例3000元"],
                {"issuer": "舟山市民政局", "published_date": "2024-03-08", "date": "2024-03-08", "city": "舟山市"},
                headings=["一、聚焦兜底保障", "1.完善社会救助体系", "2.提升养老服务水平", "二、深化殡葬改革",
                          "3.推进节地生态安葬"])


def trs_layout_gbk() -> Page:
    """An older TRS page in GBK, laid out with nested tables, the body in .TRS_Editor with <br> lines."""
    title = "武义县民政局关于进一步做好困难群众基本生活保障工作的通知"
    head = (f'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n'
            f'<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="2022-11-18">\n'
            f'<title>{title}</title>')
    body = f"""
<table width="1000" align="center"><tr><td>
<table width="100%"><tr><td class="bt">{title}</td></tr>
<tr><td class="xx">【文　　号】武民〔2022〕35号　【发文机关】武义县民政局　【发布日期】2022-11-18　【效　　力】已失效</td></tr></table>
<table width="100%"><tr><td>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
各乡镇人民政府、街道办事处：<br>
　　为切实保障困难群众基本生活，现就有关事项通知如下。<br>
　　一、提高保障标准<br>
　　自2023年1月1日起，全县最低生活保障标准提高到每人每月1050元。<br>
　　二、加强临时救助<br>
　　对遭遇突发事件导致基本生活暂时出现严重困难的家庭，及时给予临时救助。<br>
　　武义县民政局<br>
　　2022年11月16日
</div></div>
</td></tr></table>
</td></tr></table>"""
    return Page("trs_layout_gbk.html", _shell(head, body, "武义县人民政府"), title,
                ["为切实保障困难群众基本生活", "全县最低生活保障标准提高到每人每月1050元", "及时给予临时救助"],
                {"issuer": "武义县民政局", "doc_number": "武民〔2022〕35号", "published_date": "2022-11-18",
                 "validity": "失效", "county": "武义县"},
                encoding="gb18030", headings=["一、提高保障标准", "二、加强临时救助"])


def bare_page() -> Page:
    """Only a body: paragraphs, no container, no metadata."""
    title = "厦门市2023年社会救助工作要点"
    html = (f"<html><body><h2>{title}</h2>"
            "<p>一、健全分层分类的社会救助体系</p>"
            "<p>1.完善最低生活保障制度。城乡低保标准统一提高到每人每月1040元。</p>"
            "<p>2.加强急难临时救助。全面推行“先行救助”，救助时限缩短至3个工作日。</p>"
            "<p>厦门市民政局</p><p>2023年3月2日</p></body></html>")
    return Page("bare_page.html", html, title,
                ["城乡低保标准统一提高到每人每月1040元", "救助时限缩短至3个工作日"],
                {"issuer": "厦门市民政局", "date": "2023-03-02", "city": "厦门市"}, furniture=[],
                headings=["一、健全分层分类的社会救助体系", "1.完善最低生活保障制度", "2.加强急难临时救助"])


def all_pages() -> list[Page]:
    return [govcn_policy(), city_portal(), zjeg_page(), trs_layout_gbk(), bare_page()]
