[#ftl]
[#-- Lays translated statements out, kernel style: tabs, braces on the statement's line. --]
[#macro stmts list indent]
[#list list as s]
[@stmt s indent/]
[/#list]
[/#macro]

[#macro stmt s indent]
[#switch s.kind()]
[#case "decl"]
${indent}${s.text()};
[#break]
[#case "expr"]
${indent}${s.text()};
[#break]
[#case "block"]
${indent}{
[@stmts s.stmts() indent + "\t"/]
${indent}}
[#break]
[#case "if"]
[@ifChain s indent indent/]
[#break]
[#case "while"]
${indent}while (${s.condText()}) {
[@stmts s.body().stmts() indent + "\t"/]
${indent}}
[#break]
[#case "do"]
${indent}do {
[@stmts s.body().stmts() indent + "\t"/]
${indent}} while (${s.condText()});
[#break]
[#case "for"]
${indent}for (${s.headText()}) {
[@stmts s.body().stmts() indent + "\t"/]
${indent}}
[#break]
[#case "switch"]
${indent}switch (${s.selectorText()}) {
[#list s.cases() as k]
[#list k.labelTexts() as label]
${indent}case ${label}:
[/#list]
[#if k.isDefault()]
${indent}default:
[/#if]
[#if k.declares()]
${indent}	{
[@stmts k.stmts() indent + "\t\t"/]
${indent}	}
[#else]
[@stmts k.stmts() indent + "\t"/]
[/#if]
[/#list]
${indent}}
[#break]
[#case "return"]
${indent}return[#if s.text()??] ${s.text()}[/#if];
[#break]
[#case "fallthrough"]
${indent}__attribute__((fallthrough));
[#break]
[#case "comment"]
${indent}/* ${s.text()} */
[#break]
[#case "raw"]
${indent}${s.text()}
[#break]
[#case "line"]
#line ${s.line()} "${s.file()}"
[#break]
[#case "break"]
${indent}break;
[#break]
[#case "continue"]
${indent}continue;
[#break]
[/#switch]
[/#macro]

[#-- if / else if / else as one chain --]
[#macro ifChain s indent lead]
${lead}if (${s.condText()}) {
[@stmts s.then().stmts() indent + "\t"/]
[#if !s.orElse()??]
${indent}}
[#elseif s.orElse().kind() == "if"]
[@ifChain s.orElse() indent indent + "} else "/]
[#else]
${indent}} else {
[@stmts s.orElse().stmts() indent + "\t"/]
${indent}}
[/#if]
[/#macro]
