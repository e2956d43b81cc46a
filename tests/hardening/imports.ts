/** The module specifiers of a source file (import/export from, import(), require()), for boundary tests. */
import * as ts from 'typescript';

export function moduleSpecifiers(sf: ts.SourceFile): string[] {
  const specs: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) specs.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.arguments.length > 0 && ts.isStringLiteral(n.arguments[0])) {
      if (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) specs.push(n.arguments[0].text);
    }
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) specs.push(n.moduleReference.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return specs;
}
